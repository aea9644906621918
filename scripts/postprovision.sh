#!/bin/sh
# MentorFlow's post-provision step: what infra/main.bicep cannot do offline or without directory rights.
#
#   1. Microsoft Graph: grant the app's managed identity the User.Read.All application permission, which the app's
#      Graph directory needs (by default; GRANT_GRAPH_USER_READ_ALL=false skips it; needs a Privileged Role
#      Administrator or Global Administrator unless the identity has it already).
#   2. Dataverse: register the managed identity as an application user, with a security role
#      (when the CRM is Dataverse, at the deployment's DATAVERSE_URL; needs System Administrator in that environment).
#   3. SendGrid: point an Event Webhook at the app, turn on its signature, and give the app the verification key
#      (when SENDGRID_WEBHOOK_SETUP_API_KEY is set; otherwise it prints the manual steps).
#
# azd runs it after `azd provision` / `azd up` with the deployment's outputs as environment variables. After
# `az deployment sub create`, export the same outputs and run it yourself (docs/deploy.md shows how).
# Each step checks before it changes anything, so running the script again is safe. POSIX sh: azd runs it with sh.
set -eu

# The app setting SendGridEventWebhookOptions reads (MentorFlow:Email:SendGrid:EventWebhook:PublicKey).
WEBHOOK_KEY_SETTING=MentorFlow__Email__SendGrid__EventWebhook__PublicKey
# Microsoft Graph's application id, and its User.Read.All application role.
GRAPH_APP_ID=00000003-0000-0000-c000-000000000000
GRAPH_USER_READ_ALL=df021288-bdef-4463-88db-98f22de89214

failed=""

say() { printf '%s\n' "$*"; }
warn() { printf 'postprovision: %s\n' "$*" >&2; }

for name in AZURE_RESOURCE_GROUP AZURE_FUNCTION_APP_NAME AZURE_MANAGED_IDENTITY_PRINCIPAL_ID AZURE_MANAGED_IDENTITY_CLIENT_ID SENDGRID_EVENT_WEBHOOK_URL; do
  eval "value=\${$name:-}"
  if [ -z "$value" ]; then
    warn "$name is not set. It is an output of infra/main.bicep: run this through azd, or export the outputs first (docs/deploy.md)."
    exit 2
  fi
done

principal=$AZURE_MANAGED_IDENTITY_PRINCIPAL_ID
client_id=$AZURE_MANAGED_IDENTITY_CLIENT_ID
# The CRM the deployment configured (outputs), else the azd variables it was deployed from.
crm_provider=${MENTORFLOW_CRM_PROVIDER:-${CRM_PROVIDER:-Dataverse}}
dataverse_url=${MENTORFLOW_DATAVERSE_URL:-${DATAVERSE_URL:-}}

# 1. Microsoft Graph User.Read.All for the managed identity: the app's directory (MentorFlow:Directory:Provider=Graph).
grant_graph() {
  case "${GRANT_GRAPH_USER_READ_ALL:-true}" in
    true) ;;
    false)
      say "Graph: skipped (GRANT_GRAPH_USER_READ_ALL=false). The app reads the directory from Microsoft Graph: until an"
      say "  administrator grants the identity $principal User.Read.All (docs/deploy.md), directory lookups fail."
      return 0
      ;;
    *)
      warn "Graph: GRANT_GRAPH_USER_READ_ALL must be true or false, not '$GRANT_GRAPH_USER_READ_ALL'."
      return 1
      ;;
  esac

  graph_sp=$(az ad sp show --id "$GRAPH_APP_ID" --query id -o tsv) || return 1
  assignments="https://graph.microsoft.com/v1.0/servicePrincipals/$principal/appRoleAssignments"
  existing=$(az rest --method get --url "$assignments" --query "length(value[?appRoleId=='$GRAPH_USER_READ_ALL'])" -o tsv) || return 1
  if [ "$existing" != "0" ]; then
    say "Graph: the identity already has User.Read.All."
    return 0
  fi

  az rest --method post --url "$assignments" --headers "Content-Type=application/json" \
    --body "{\"principalId\":\"$principal\",\"resourceId\":\"$graph_sp\",\"appRoleId\":\"$GRAPH_USER_READ_ALL\"}" \
    --output none || {
    warn "Graph: granting User.Read.All failed. It needs a Privileged Role Administrator or Global Administrator: have one run the commands in docs/deploy.md, or this script, and meanwhile set GRANT_GRAPH_USER_READ_ALL=false to skip the step."
    return 1
  }
  say "Graph: granted User.Read.All to the identity $principal."
}

# 2. Dataverse application user for the managed identity.
dataverse_user() {
  if [ "$crm_provider" != "Dataverse" ]; then
    say "Dataverse: skipped (the CRM is $crm_provider)."
    return 0
  fi

  if [ -z "$dataverse_url" ]; then
    say "Dataverse: skipped. No DATAVERSE_URL (https://<org>.crm.dynamics.com): export the deployment's MENTORFLOW_DATAVERSE_URL output to register the identity as an application user."
    return 0
  fi

  org=${dataverse_url%/}
  api="$org/api/data/v9.2"
  root_unit=$(az rest --resource "$org" --method get \
    --url "$api/businessunits?\$select=businessunitid&\$filter=_parentbusinessunitid_value%20eq%20null" \
    --query "value[0].businessunitid" -o tsv) || return 1
  find_user() {
    az rest --resource "$org" --method get \
      --url "$api/systemusers?\$select=systemuserid&\$filter=applicationid%20eq%20$client_id" \
      --query "value[0].systemuserid" -o tsv
  }
  user_id=$(find_user) || return 1
  if [ -z "$user_id" ]; then
    az rest --resource "$org" --method post --url "$api/systemusers" --headers "Content-Type=application/json" \
      --body "{\"applicationid\":\"$client_id\",\"businessunitid@odata.bind\":\"/businessunits($root_unit)\"}" \
      --output none || return 1
    user_id=$(find_user) || return 1
    say "Dataverse: created the application user $user_id for the identity's client id $client_id."
  else
    say "Dataverse: the application user $user_id already exists."
  fi

  if [ -z "${DATAVERSE_SECURITY_ROLE:-}" ]; then
    say "Dataverse: no DATAVERSE_SECURITY_ROLE given; assign the user a role that reads opportunities (docs/deploy.md)."
    return 0
  fi

  role_filter=$(printf '%s' "$DATAVERSE_SECURITY_ROLE" | sed "s/'/''/g; s/ /%20/g")
  role_id=$(az rest --resource "$org" --method get \
    --url "$api/roles?\$select=roleid&\$filter=name%20eq%20'$role_filter'%20and%20_businessunitid_value%20eq%20$root_unit" \
    --query "value[0].roleid" -o tsv) || return 1
  if [ -z "$role_id" ]; then
    warn "Dataverse: no security role named '$DATAVERSE_SECURITY_ROLE' in the root business unit."
    return 1
  fi

  has_role=$(az rest --resource "$org" --method get \
    --url "$api/systemusers($user_id)/systemuserroles_association?\$select=roleid&\$filter=roleid%20eq%20$role_id" \
    --query "length(value)" -o tsv) || return 1
  if [ "$has_role" = "0" ]; then
    az rest --resource "$org" --method post --url "$api/systemusers($user_id)/systemuserroles_association/\$ref" \
      --headers "Content-Type=application/json" --body "{\"@odata.id\":\"$api/roles($role_id)\"}" --output none || return 1
    say "Dataverse: assigned the security role '$DATAVERSE_SECURITY_ROLE'."
  else
    say "Dataverse: the user already has the security role '$DATAVERSE_SECURITY_ROLE'."
  fi
}

# 3. SendGrid Signed Event Webhook pointing at the app, and its verification key in the app's settings.
sendgrid_webhook() {
  if [ -n "${SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY:-}" ]; then
    say "SendGrid: the app has the Event Webhook verification key (SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY); the webhook URL is $SENDGRID_EVENT_WEBHOOK_URL"
    return 0
  fi

  if [ -z "${SENDGRID_WEBHOOK_SETUP_API_KEY:-}" ]; then
    say "SendGrid: set up the Event Webhook by hand (or set SENDGRID_WEBHOOK_SETUP_API_KEY and run this again):"
    say "  1. SendGrid > Settings > Mail Settings > Event Webhooks: create one posting to"
    say "     $SENDGRID_EVENT_WEBHOOK_URL"
    say "     with the Bounced and Dropped events, and turn on Signed Event Webhook."
    say "  2. Copy its verification key, then: azd env set SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY '<key>' && azd provision"
    say "  Until then the app answers 503 on /api/sendgrid/events, and bounced approval emails wait for their timeout."
    return 0
  fi

  base=${SENDGRID_BASE_URL:-https://api.sendgrid.com}
  base=${base%/}
  # The key goes to az through a private file, not the command line (which other users can see).
  headers=$(mktemp)
  chmod 600 "$headers"
  printf '{"Authorization":"Bearer %s","Content-Type":"application/json"}' "$SENDGRID_WEBHOOK_SETUP_API_KEY" >"$headers"
  sendgrid() {
    method=$1
    path=$2
    shift 2
    az rest --skip-authorization-header --headers "@$headers" --method "$method" --url "$base/v3/$path" "$@"
  }

  # MentorFlow acts on bounces and drops of approval emails; the other events are not needed.
  body="{\"enabled\":true,\"url\":\"$SENDGRID_EVENT_WEBHOOK_URL\",\"friendly_name\":\"MentorFlow\",\"bounce\":true,\"dropped\":true,\"deferred\":false,\"delivered\":false,\"processed\":false,\"open\":false,\"click\":false,\"spam_report\":false,\"unsubscribe\":false,\"group_unsubscribe\":false,\"group_resubscribe\":false}"
  webhook_id=$(sendgrid get user/webhooks/event/settings/all --query "webhooks[?url=='$SENDGRID_EVENT_WEBHOOK_URL'].id | [0]" -o tsv) || { rm -f "$headers"; return 1; }
  if [ -z "$webhook_id" ]; then
    webhook_id=$(sendgrid post user/webhooks/event/settings --body "$body" --query id -o tsv) || { rm -f "$headers"; return 1; }
    say "SendGrid: created the Event Webhook $webhook_id."
  else
    sendgrid patch "user/webhooks/event/settings/$webhook_id" --body "$body" --output none || { rm -f "$headers"; return 1; }
    say "SendGrid: updated the Event Webhook $webhook_id."
  fi

  public_key=$(sendgrid patch "user/webhooks/event/settings/signed/$webhook_id" --body '{"enabled":true}' --query public_key -o tsv) || { rm -f "$headers"; return 1; }
  rm -f "$headers"
  if [ -z "$public_key" ]; then
    warn "SendGrid: signing was turned on but no verification key came back."
    return 1
  fi

  az functionapp config appsettings set --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
    --settings "$WEBHOOK_KEY_SETTING=$public_key" --output none || return 1
  # Keep it in the azd environment too, so the next `azd provision` deploys the same setting.
  if [ -n "${AZURE_ENV_NAME:-}" ] && command -v azd >/dev/null 2>&1; then
    azd env set SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY "$public_key" || return 1
  else
    say "SendGrid: pass sendGridEventWebhookPublicKey='$public_key' to your next deployment, or it removes the setting."
  fi
  say "SendGrid: signed webhook on; the app verifies events with its key."
}

grant_graph || failed="$failed Graph"
dataverse_user || failed="$failed Dataverse"
sendgrid_webhook || failed="$failed SendGrid"

say ""
say "MentorFlow API: ${MENTORFLOW_PUBLIC_BASE_URL:-${SERVICE_API_URI:-https://<app>}}/api  (health: /api/health)"
say "HR's function key: az functionapp keys list -g $AZURE_RESOURCE_GROUP -n $AZURE_FUNCTION_APP_NAME --query functionKeys.default -o tsv"

if [ -n "$failed" ]; then
  warn "these steps failed:$failed (see above; docs/deploy.md has the commands to run by hand)."
  exit 1
fi
