// The Flex Consumption plan and the MentorFlow Function App (dotnet-isolated, .NET 10). The app runs as the
// user-assigned identity: host storage, durable task hub, MentorFlow's tables, Key Vault references and
// Application Insights all use it. Its app settings are exactly what the app's options validate at start-up
// (tests/MentorFlow.Infra.Tests checks them against the code).

@description('Name of the Function App.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region.')
param location string

@description('Tags for the plan and the app; the app also gets azd-service-name.')
param tags object

@description('The azd service this app is deployed as (azure.yaml).')
param serviceName string

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of the user-assigned managed identity.')
param identityClientId string

@description('Name of the storage account (runtime, task hub, tables, deployment package).')
param storageAccountName string

@description('Blob container holding the deployment package.')
param deploymentContainerName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Functions runtime version of dotnet-isolated.')
param runtimeVersion string = '10.0'

@description('Memory of each instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Most instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Durable task hub name (host.json reads it from the MentorFlow__TaskHub app setting).')
param taskHubName string

@description('Prefix of MentorFlow\'s table names (MentorFlow:Storage:TablePrefix).')
param tablePrefix string

@description('Base URL links in emails point to (MentorFlow:PublicBaseUrl). Empty: the app\'s own https address.')
param publicBaseUrl string

@description('Sender address (MentorFlow:Email:FromAddress).')
param emailFromAddress string

@description('Sender display name (MentorFlow:Email:FromName).')
param emailFromName string

@description('SendGrid API base URL (MentorFlow:Email:SendGrid:BaseUrl), e.g. https://api.eu.sendgrid.com. Empty: SendGrid\'s default.')
param sendGridBaseUrl string

@description('SendGrid sandbox mode: messages are validated, not delivered (MentorFlow:Email:SendGrid:SandboxMode).')
param sendGridSandboxMode bool

@description('SendGrid Signed Event Webhook verification key (MentorFlow:Email:SendGrid:EventWebhook:PublicKey). Empty: the webhook answers 503 until it is set.')
param sendGridEventWebhookPublicKey string

@description('Key Vault reference to the SendGrid API key.')
param sendGridApiKeyReference string

@description('Key Vault reference to the approval signing key.')
param approvalSigningKeyReference string

@description('Key Vault reference to the retired approval signing key; empty when there is none.')
param approvalPreviousSigningKeyReference string

@description('Where sales performance comes from (MentorFlow:Crm:Provider).')
@allowed(['Dataverse', 'Salesforce'])
param crmProvider string

@description('Dataverse environment URL (MentorFlow:Crm:Dataverse:Url); used when crmProvider is Dataverse.')
param dataverseUrl string

@description('Salesforce My Domain URL (MentorFlow:Crm:Salesforce:InstanceUrl); used when crmProvider is Salesforce.')
param salesforceInstanceUrl string

@description('Salesforce token URL (MentorFlow:Crm:Salesforce:LoginUrl). Empty: the instance URL.')
param salesforceLoginUrl string

@description('Salesforce connected app consumer key (MentorFlow:Crm:Salesforce:ClientId); used when crmProvider is Salesforce.')
param salesforceClientId string

@description('Key Vault reference to the Salesforce connected app consumer secret (named so the linter does not take the reference for the secret); used when crmProvider is Salesforce.')
param salesforceKeyVaultReference string

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    // Key Vault references resolve with the user-assigned identity (the default would be a system-assigned one).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: runtimeVersion
      }
    }
  }

  // No FTP and no basic-auth (publishing profile) deployments: azd deploys with Microsoft Entra ID.
  resource ftpPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

// App settings in their own resource, so they can use the app's host name (links in emails).
// Names are configuration keys with "__" for ":"; the options classes they feed are named beside each group.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: union(
    {
      // Functions host storage (and the durable task hub on it) with the managed identity.
      AzureWebJobsStorage__accountName: storage.name
      AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      // Application Insights with Microsoft Entra authentication (local auth is off on the component).
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      // host.json: "hubName": "%MentorFlow__TaskHub%".
      MentorFlow__TaskHub: taskHubName
      // TableStorageOptions (MentorFlow:Storage).
      MentorFlow__Storage__TableServiceUri: storage.properties.primaryEndpoints.table
      MentorFlow__Storage__ManagedIdentityClientId: identityClientId
      MentorFlow__Storage__TablePrefix: tablePrefix
      // LinkOptions (MentorFlow:PublicBaseUrl).
      MentorFlow__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${app.properties.defaultHostName}' : publicBaseUrl
      // EmailOptions and SendGridOptions (MentorFlow:Email).
      MentorFlow__Email__Provider: 'SendGrid'
      MentorFlow__Email__FromAddress: emailFromAddress
      MentorFlow__Email__FromName: emailFromName
      MentorFlow__Email__SendGrid__ApiKey: sendGridApiKeyReference
      MentorFlow__Email__SendGrid__SandboxMode: string(sendGridSandboxMode)
      // ApprovalTokenOptions (MentorFlow:Approvals).
      MentorFlow__Approvals__SigningKey: approvalSigningKeyReference
      // DirectoryOptions (MentorFlow:Directory): Microsoft Graph with the identity (User.Read.All: postprovision.sh).
      MentorFlow__Directory__Provider: 'Graph'
      MentorFlow__Directory__Graph__ManagedIdentityClientId: identityClientId
      // CrmOptions (MentorFlow:Crm).
      MentorFlow__Crm__Provider: crmProvider
    },
    // Dataverse with the identity (an application user: postprovision.sh), or Salesforce with its connected app.
    crmProvider == 'Dataverse'
      ? {
          MentorFlow__Crm__Dataverse__Url: dataverseUrl
          MentorFlow__Crm__Dataverse__ManagedIdentityClientId: identityClientId
        }
      : {
          MentorFlow__Crm__Salesforce__InstanceUrl: salesforceInstanceUrl
          MentorFlow__Crm__Salesforce__ClientId: salesforceClientId
          MentorFlow__Crm__Salesforce__ClientSecret: salesforceKeyVaultReference
        },
    crmProvider == 'Salesforce' && !empty(salesforceLoginUrl)
      ? { MentorFlow__Crm__Salesforce__LoginUrl: salesforceLoginUrl }
      : {},
    // Optional settings appear only when given: an empty value would not mean "unset" to every option.
    empty(sendGridBaseUrl) ? {} : { MentorFlow__Email__SendGrid__BaseUrl: sendGridBaseUrl },
    // SendGridEventWebhookOptions (MentorFlow:Email:SendGrid:EventWebhook); set after SendGrid shows the key.
    empty(sendGridEventWebhookPublicKey)
      ? {}
      : { MentorFlow__Email__SendGrid__EventWebhook__PublicKey: sendGridEventWebhookPublicKey },
    empty(approvalPreviousSigningKeyReference)
      ? {}
      : { MentorFlow__Approvals__PreviousSigningKeys__0: approvalPreviousSigningKeyReference }
  )
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
output publicBaseUrl string = empty(publicBaseUrl) ? 'https://${app.properties.defaultHostName}' : publicBaseUrl
