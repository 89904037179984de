param botName string
param displayName string
param botAadAppClientId string
param tenantId string
param messagingEndpoint string

// Single-tenant bot registration (multi-tenant bot creation is deprecated); global location as Azure Bot requires.
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppId: botAadAppClientId
    msaAppTenantId: tenantId
    msaAppType: 'SingleTenant'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel' }
}

output name string = bot.name
