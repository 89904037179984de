// Tandem in Azure: the service on App Service (Node 20), the Azure Bot with its Teams channel, a Storage
// account for operational state (conversation references, job leases, idempotency marks), Key Vault for
// secrets and Application Insights. Pair data itself stays in the customer's Microsoft 365 tenant (Graph).
targetScope = 'resourceGroup'

@description('Short suffix making resource names unique, e.g. "dev" or a random 6 characters.')
@minLength(3)
@maxLength(12)
param resourceBaseName string

@description('Location of every resource.')
param location string = resourceGroup().location

@description('App Service plan SKU: B1 for a trial, P1v3 for production.')
param webAppSku string = 'B1'

@description('Client id of the Entra app registration used by the API, the tab SSO and the bot.')
param aadAppClientId string

@description('Tenant of that app registration.')
param aadAppTenantId string

@secure()
@description('Client secret of the app registration; stored in Key Vault, never in app settings.')
param aadAppClientSecret string

@description('Bot id (usually the same app registration).')
param botAadAppClientId string

@description('Display name of the bot in Teams.')
param botDisplayName string = 'Tandem'

@description('Id of the Teams app (the add-in links into its meeting tab).')
param teamsAppId string

@description('Drive id of the SharePoint document library holding the shared pair data (Sites.Selected).')
param siteDriveId string

var names = {
  plan: 'plan-tandem-${resourceBaseName}'
  web: 'app-tandem-${resourceBaseName}'
  bot: 'bot-tandem-${resourceBaseName}'
  storage: toLower(take(replace('sttandem${resourceBaseName}', '-', ''), 24))
  vault: take('kv-tandem-${resourceBaseName}', 24)
  insights: 'appi-tandem-${resourceBaseName}'
  logs: 'log-tandem-${resourceBaseName}'
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { location: location, workspaceName: names.logs, insightsName: names.insights }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: { location: location, accountName: names.storage }
}

module web 'modules/web-app.bicep' = {
  name: 'web'
  params: {
    location: location
    planName: names.plan
    webAppName: names.web
    sku: webAppSku
    aadAppClientId: aadAppClientId
    aadAppTenantId: aadAppTenantId
    botAadAppClientId: botAadAppClientId
    siteDriveId: siteDriveId
    keyVaultName: names.vault
    storageAccountName: storage.outputs.accountName
    blobContainerName: storage.outputs.containerName
    appInsightsConnectionString: monitoring.outputs.connectionString
    teamsAppId: teamsAppId
  }
}

module vault 'modules/key-vault.bicep' = {
  name: 'vault'
  params: {
    location: location
    vaultName: names.vault
    tenantId: aadAppTenantId
    readerPrincipalId: web.outputs.principalId
    aadAppClientSecret: aadAppClientSecret
  }
}

module storageAccess 'modules/storage-access.bicep' = {
  name: 'storage-access'
  params: { accountName: storage.outputs.accountName, principalId: web.outputs.principalId }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    botName: names.bot
    displayName: botDisplayName
    botAadAppClientId: botAadAppClientId
    tenantId: aadAppTenantId
    messagingEndpoint: 'https://${web.outputs.hostName}/api/messages'
  }
}

// Read by m365agents.yml into env/.env.<name> (the names match the env files' keys).
output WEB_APP_NAME string = web.outputs.name
output WEB_APP_RESOURCE_ID string = web.outputs.resourceId
output TAB_DOMAIN string = web.outputs.hostName
output TAB_ENDPOINT string = 'https://${web.outputs.hostName}'
output STORAGE_ACCOUNT_NAME string = storage.outputs.accountName
output STORAGE_BLOB_CONTAINER string = storage.outputs.containerName
output KEY_VAULT_NAME string = names.vault
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
