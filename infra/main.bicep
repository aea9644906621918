// MentorFlow in Azure: one resource group with a user-assigned managed identity, a storage account without shared
// keys, Key Vault (RBAC) for the secrets, Log Analytics + Application Insights, and the Function App on a Flex
// Consumption plan. Deploy with `azd up`, or `az deployment sub create` (docs/deploy.md).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the environment (azd env name); it names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for every resource; it must offer the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

// Names: empty means abbreviation + resource token.
@description('Resource group name. Empty: rg-<environmentName>.')
param resourceGroupName string = ''
@description('Managed identity name. Empty: generated.')
param identityName string = ''
@description('Storage account name. Empty: generated.')
param storageAccountName string = ''
@description('Key Vault name. Empty: generated.')
param keyVaultName string = ''
@description('Log Analytics workspace name. Empty: generated.')
param logAnalyticsName string = ''
@description('Application Insights name. Empty: generated.')
param applicationInsightsName string = ''
@description('Flex Consumption plan name. Empty: generated.')
param appServicePlanName string = ''
@description('Function App name (also its host name). Empty: generated.')
param functionAppName string = ''

// MentorFlow's settings.
@minLength(3)
@description('Address MentorFlow\'s email is sent from: a SendGrid verified sender or on an authenticated domain (MentorFlow:Email:FromAddress).')
param emailFromAddress string

@minLength(1)
@description('Sender display name (MentorFlow:Email:FromName).')
param emailFromName string = 'MentorFlow'

@secure()
@minLength(1)
@description('SendGrid API key with the Mail Send permission; stored in Key Vault (MentorFlow:Email:SendGrid:ApiKey).')
param sendGridApiKey string

@description('SendGrid API base URL, e.g. https://api.eu.sendgrid.com for EU subusers. Empty: https://api.sendgrid.com.')
param sendGridBaseUrl string = ''

@description('SendGrid sandbox mode: SendGrid validates each message and delivers nothing.')
param sendGridSandboxMode bool = false

@description('SendGrid Signed Event Webhook verification key (base64, no PEM lines). Empty until the post-provision step or you set it; until then /api/sendgrid/events answers 503.')
param sendGridEventWebhookPublicKey string = ''

@secure()
@minLength(44)
@description('Base64 of at least 32 random bytes (openssl rand -base64 32) that signs approval links; stored in Key Vault (MentorFlow:Approvals:SigningKey). Keep it: a new key invalidates links already sent, unless the old one becomes approvalPreviousSigningKey.')
param approvalSigningKey string

@secure()
@description('The signing key being rotated out, still accepted for links already sent (MentorFlow:Approvals:PreviousSigningKeys:0). Empty: none.')
param approvalPreviousSigningKey string = ''

// The CRM MentorFlow reads sales performance from (MentorFlow:Crm). Dataverse signs in with the managed identity
// (an application user: postprovision.sh); Salesforce with a connected app whose secret goes to Key Vault.
@allowed(['Dataverse', 'Salesforce'])
@description('Where MentorFlow reads sales performance (MentorFlow:Crm:Provider): Dataverse (Dynamics 365 Sales, signed in as the managed identity) or Salesforce (a connected app).')
param crmProvider string = 'Dataverse'

@description('The Dynamics 365 (Dataverse) environment URL, e.g. https://contoso.crm4.dynamics.com (MentorFlow:Crm:Dataverse:Url). Required when crmProvider is Dataverse.')
param dataverseUrl string = ''

@description('The Salesforce org\'s My Domain URL, e.g. https://contoso.my.salesforce.com (MentorFlow:Crm:Salesforce:InstanceUrl). Required when crmProvider is Salesforce.')
param salesforceInstanceUrl string = ''

@description('Where Salesforce tokens are asked for, when not salesforceInstanceUrl (MentorFlow:Crm:Salesforce:LoginUrl). Empty: the instance URL.')
param salesforceLoginUrl string = ''

@description('The Salesforce connected app\'s consumer key (MentorFlow:Crm:Salesforce:ClientId). Required when crmProvider is Salesforce.')
param salesforceClientId string = ''

@secure()
@description('The Salesforce connected app\'s consumer secret; stored in Key Vault (MentorFlow:Crm:Salesforce:ClientSecret). Required when crmProvider is Salesforce.')
param salesforceClientSecret string = ''

@description('Base URL people reach MentorFlow at, for links in emails (MentorFlow:PublicBaseUrl). Empty: https://<function app host name>.')
param publicBaseUrl string = ''

@description('Durable task hub name (3-45 letters and digits).')
param taskHubName string = 'MentorFlow'

@description('Prefix of MentorFlow\'s table names (letters and digits).')
param tablePrefix string = 'MentorFlow'

@description('Most Flex Consumption instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Protect Key Vault from purging (irreversible once on).')
param keyVaultPurgeProtection bool = false

@description('Also give the developer principal the app\'s data roles, to debug locally against these resources.')
param grantDeveloperAccess bool = false

@description('Object id of the developer principal (azd: AZURE_PRINCIPAL_ID). Used only with grantDeveloperAccess.')
param developerPrincipalId string = ''

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var serviceName = 'api'
var deploymentContainerName = 'app-package'
var useDataverse = crmProvider == 'Dataverse'
var useSalesforce = crmProvider == 'Salesforce'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: !empty(identityName) ? identityName : '${abbrs.managedIdentityUserAssignedIdentities}mentorflow-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: !empty(storageAccountName) ? storageAccountName : '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: !empty(logAnalyticsName) ? logAnalyticsName : '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: !empty(applicationInsightsName) ? applicationInsightsName : '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: !empty(keyVaultName) ? keyVaultName : '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    enablePurgeProtection: keyVaultPurgeProtection
    sendGridApiKey: sendGridApiKey
    approvalSigningKey: approvalSigningKey
    approvalPreviousSigningKey: approvalPreviousSigningKey
    // Stored only for the CRM that reads it.
    salesforceClientSecret: useSalesforce ? salesforceClientSecret : ''
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    appPrincipalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    grantDeveloperAccess: grantDeveloperAccess
    developerPrincipalId: developerPrincipalId
  }
}

module functions 'app/functions.bicep' = {
  name: 'functions'
  scope: rg
  // The app starts as soon as it exists: its identity must already reach storage and Key Vault.
  dependsOn: [rbac]
  params: {
    name: !empty(functionAppName) ? functionAppName : '${abbrs.webSitesFunctions}mentorflow-${resourceToken}'
    planName: !empty(appServicePlanName) ? appServicePlanName : '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    serviceName: serviceName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    maximumInstanceCount: maximumInstanceCount
    taskHubName: taskHubName
    tablePrefix: tablePrefix
    publicBaseUrl: publicBaseUrl
    emailFromAddress: emailFromAddress
    emailFromName: emailFromName
    sendGridBaseUrl: sendGridBaseUrl
    sendGridSandboxMode: sendGridSandboxMode
    sendGridEventWebhookPublicKey: sendGridEventWebhookPublicKey
    sendGridApiKeyReference: keyVault.outputs.sendGridApiKeyReference
    approvalSigningKeyReference: keyVault.outputs.approvalSigningKeyReference
    approvalPreviousSigningKeyReference: keyVault.outputs.approvalPreviousSigningKeyReference
    // The CRM's settings; a missing one fails the deployment with its name, rather than the app at start-up.
    crmProvider: crmProvider
    dataverseUrl: !useDataverse
      ? ''
      : startsWith(dataverseUrl, 'https://')
          ? dataverseUrl
          : fail('crmProvider is Dataverse: set dataverseUrl (azd: DATAVERSE_URL) to the environment\'s https URL, e.g. https://contoso.crm4.dynamics.com.')
    salesforceInstanceUrl: !useSalesforce
      ? ''
      : startsWith(salesforceInstanceUrl, 'https://')
          ? salesforceInstanceUrl
          : fail('crmProvider is Salesforce: set salesforceInstanceUrl (azd: SALESFORCE_INSTANCE_URL) to the org\'s https My Domain URL, e.g. https://contoso.my.salesforce.com.')
    salesforceLoginUrl: !useSalesforce || empty(salesforceLoginUrl)
      ? ''
      : startsWith(salesforceLoginUrl, 'https://')
          ? salesforceLoginUrl
          : fail('salesforceLoginUrl (azd: SALESFORCE_LOGIN_URL) must be an https URL, or empty for the instance URL.')
    salesforceClientId: !useSalesforce
      ? ''
      : !empty(salesforceClientId)
          ? salesforceClientId
          : fail('crmProvider is Salesforce: set salesforceClientId (azd: SALESFORCE_CLIENT_ID) to the connected app\'s consumer key.')
    salesforceKeyVaultReference: !useSalesforce
      ? ''
      : !empty(salesforceClientSecret)
          ? keyVault.outputs.salesforceClientSecretReference
          : fail('crmProvider is Salesforce: set salesforceClientSecret (azd: SALESFORCE_CLIENT_SECRET) to the connected app\'s consumer secret.')
  }
}

// azd writes these into the environment (.azure/<env>/.env) and hands them to the post-provision script.
// Names and addresses only: no key, connection string or secret value.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functions.outputs.name
output SERVICE_API_NAME string = functions.outputs.name
output SERVICE_API_URI string = 'https://${functions.outputs.defaultHostName}'
output MENTORFLOW_PUBLIC_BASE_URL string = functions.outputs.publicBaseUrl
output SENDGRID_EVENT_WEBHOOK_URL string = '${functions.outputs.publicBaseUrl}/api/sendgrid/events'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output AZURE_MANAGED_IDENTITY_NAME string = identity.outputs.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_MANAGED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
// For the post-provision step: whether to register a Dataverse application user, and where.
output MENTORFLOW_CRM_PROVIDER string = crmProvider
output MENTORFLOW_DATAVERSE_URL string = useDataverse ? dataverseUrl : ''
