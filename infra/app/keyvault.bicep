// Key Vault in RBAC mode holding MentorFlow's secrets. The app reads them through Key Vault references in its
// app settings (resolved by the platform with the app's managed identity); no secret value ever reaches an app
// setting, an output or the deployment history.

@description('Name of the Key Vault (3-24 letters, digits and hyphens).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the vault.')
param tags object

@description('Protect deleted secrets from purging for the retention period. Once on, it cannot be turned off, and azd down --purge cannot remove the vault.')
param enablePurgeProtection bool = false

@secure()
@description('SendGrid API key with the Mail Send permission (MentorFlow:Email:SendGrid:ApiKey).')
param sendGridApiKey string

@secure()
@description('Base64 of at least 32 random bytes that signs approval links (MentorFlow:Approvals:SigningKey).')
param approvalSigningKey string

@secure()
@description('The signing key being retired, still accepted for links already sent (MentorFlow:Approvals:PreviousSigningKeys:0). Empty: none.')
param approvalPreviousSigningKey string = ''

@secure()
@description('The Salesforce connected app\'s consumer secret (MentorFlow:Crm:Salesforce:ClientSecret). Empty: not stored (the CRM is Dataverse).')
param salesforceClientSecret string = ''

// Secret names, also the last segment of each Key Vault reference.
var sendGridApiKeySecretName = 'sendgrid-api-key'
var approvalSigningKeySecretName = 'approval-signing-key'
var approvalPreviousSigningKeySecretName = 'approval-previous-signing-key'
var salesforceClientSecretName = 'salesforce-client-secret'

// Whether the optional secrets were given (a fact about the deployment, not a secret).
var hasPreviousSigningKey = !empty(approvalPreviousSigningKey)
var hasSalesforceClientSecret = !empty(salesforceClientSecret)

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access is granted with Azure roles (rbac.bicep), never with access policies.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    enablePurgeProtection: enablePurgeProtection ? true : null
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource sendGridApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: sendGridApiKeySecretName
  properties: {
    value: sendGridApiKey
    contentType: 'SendGrid API key'
  }
}

resource approvalSigningKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: approvalSigningKeySecretName
  properties: {
    value: approvalSigningKey
    contentType: 'base64 HMAC key'
  }
}

resource approvalPreviousSigningKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (hasPreviousSigningKey) {
  parent: vault
  name: approvalPreviousSigningKeySecretName
  properties: {
    value: approvalPreviousSigningKey
    contentType: 'base64 HMAC key (retired)'
  }
}

resource salesforceClientSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (hasSalesforceClientSecret) {
  parent: vault
  name: salesforceClientSecretName
  properties: {
    value: salesforceClientSecret
    contentType: 'Salesforce connected app consumer secret'
  }
}

// Key Vault references pin the secret version this deployment wrote: a new value is a new app setting value, so
// the app restarts on it at once instead of picking it up within a day.
output sendGridApiKeyReference string = '@Microsoft.KeyVault(SecretUri=${sendGridApiKeySecret.properties.secretUriWithVersion})'
output approvalSigningKeyReference string = '@Microsoft.KeyVault(SecretUri=${approvalSigningKeySecret.properties.secretUriWithVersion})'
output approvalPreviousSigningKeyReference string = !hasPreviousSigningKey
  ? ''
  : '@Microsoft.KeyVault(SecretUri=${approvalPreviousSigningKeySecret!.properties.secretUriWithVersion})'
output salesforceClientSecretReference string = !hasSalesforceClientSecret
  ? ''
  : '@Microsoft.KeyVault(SecretUri=${salesforceClientSecretSecret!.properties.secretUriWithVersion})'
output name string = vault.name
output uri string = vault.properties.vaultUri
