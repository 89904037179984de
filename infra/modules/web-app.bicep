param location string
param planName string
param webAppName string
param sku string
param aadAppClientId string
param aadAppTenantId string
param botAadAppClientId string
param siteDriveId string
param keyVaultName string
param storageAccountName string
param blobContainerName string
param appInsightsConnectionString string
param teamsAppId string

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: { name: sku }
  properties: { reserved: true }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'node dist/server/main.js'
      alwaysOn: sku != 'F1' && sku != 'D1'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      appSettings: [
        { name: 'TANDEM_MODE', value: 'm365' }
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'PORT', value: '8080' }
        { name: 'WEBSITES_PORT', value: '8080' }
        // The names server/config.ts parses (tests/integration/infra-settings.test.ts checks both ways).
        { name: 'TANDEM_CLIENT_ID', value: aadAppClientId }
        { name: 'TANDEM_TENANT_ID', value: aadAppTenantId }
        { name: 'TANDEM_CLIENT_SECRET', value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=aad-app-client-secret)' }
        { name: 'TANDEM_BOT_ID', value: botAadAppClientId }
        { name: 'TANDEM_SITE_DRIVE_ID', value: siteDriveId }
        { name: 'TANDEM_PUBLIC_URL', value: 'https://${webAppName}.azurewebsites.net' }
        { name: 'AZURE_STORAGE_BLOB_ENDPOINT', value: 'https://${storageAccountName}.blob.${environment().suffixes.storage}' }
        { name: 'TANDEM_BLOB_CONTAINER', value: blobContainerName }
        { name: 'TANDEM_TEAMS_APP_ID', value: teamsAppId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
    }
  }
}

output name string = web.name
output resourceId string = web.id
output hostName string = web.properties.defaultHostName
output principalId string = web.identity.principalId
