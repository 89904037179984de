param location string
param vaultName string
param tenantId string
param readerPrincipalId string
@secure()
param aadAppClientSecret string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource clientSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'aad-app-client-secret'
  properties: { value: aadAppClientSecret }
}

// Key Vault Secrets User for the web app, so app settings can reference the secret.
var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource grant 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, readerPrincipalId, secretsUser)
  properties: {
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
