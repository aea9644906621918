// The one user-assigned managed identity MentorFlow runs as: storage, Key Vault, Application Insights
// (and, after the post-provision step, Microsoft Graph and Dataverse) all trust this identity, never a key.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
