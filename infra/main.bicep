// RagnarokOps on Azure Functions: a Flex Consumption Function App (.NET 10 isolated worker) whose storage
// account holds the Durable Functions task hub, the deployment package and the case artifacts; Application
// Insights and a Log Analytics workspace; one user-assigned identity with only the roles it needs; secrets
// read at run time from an existing Key Vault. Deploy: see README.md in this folder.

targetScope = 'resourceGroup'

@description('Azure region for every resource; the resource group\'s by default. It must offer Flex Consumption.')
param location string = resourceGroup().location

@description('Prefix of every resource name (3-11 lowercase letters and digits).')
@minLength(3)
@maxLength(11)
param namePrefix string

@description('The GitLab REST API the app reads and writes, for example https://gitlab.com.')
param gitLabBaseUrl string

@description('An existing Key Vault in this resource group, with Azure RBAC authorization, holding the secrets below.')
param keyVaultName string

@description('Key Vault secret with a GitLab personal, project or group access token (api scope).')
param gitLabTokenSecretName string = 'gitlab-token'

@description('Key Vault secret with the X-Gitlab-Token that GitLab webhooks must carry.')
param gitLabWebhookSecretName string = 'gitlab-webhook-secret'

@description('Key Vault secret with the key that signs approval links (at least 32 random bytes, base64).')
param approvalsSigningKeySecretName string = 'approvals-signing-key'

@description('Where people reach the app, when not at its default host name (a custom domain or a front door).')
param publicBaseUrl string = ''

@description('Most instances Flex Consumption may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

var suffix = uniqueString(resourceGroup().id, namePrefix)
var appName = '${namePrefix}-func-${suffix}'
var storageName = take('${namePrefix}st${suffix}', 24)
// Flex Consumption pulls the app's package from this container (func azure functionapp publish puts it there).
var deploymentContainerName = 'app-package'
// The app's default artifact container (connectors/Artifacts/ArtifactStoreFactory.cs); it would create it on first use.
var artifactsContainerName = 'ragnarok-artifacts'
var appUrl = empty(publicBaseUrl) ? 'https://${appName}.azurewebsites.net' : publicBaseUrl

// Built-in role definition ids (the same in every tenant).
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var logAnalyticsReader = '73c42c96-874c-492b-b04d-ab87d138a893'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

// The identity-based storage connection: Durable Functions' task hub (blobs, queues, tables), the Functions
// host's own blobs, and the artifact store all use AzureWebJobsStorage with this identity's token.
var storageRoles = [storageBlobDataOwner, storageQueueDataContributor, storageTableDataContributor]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-id'
  location: location
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Telemetry is sent with the identity's token (APPLICATIONINSIGHTS_AUTHENTICATION_STRING), not the key alone.
    DisableLocalAuth: true
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    // Everything authenticates with the managed identity; no account key is handed out.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: { publicAccess: 'None' }
}

resource artifacts 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: artifactsContainerName
  properties: { publicAccess: 'None' }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource storageAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in storageRoles: {
  name: guid(storage.id, identity.id, role)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}]

resource readLogs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(workspace.id, identity.id, logAnalyticsReader)
  scope: workspace
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', logAnalyticsReader)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource publishTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, identity.id, monitoringMetricsPublisher)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource readSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${namePrefix}-plan'
  location: location
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  // The host needs its roles before it first touches the task hub or resolves a Key Vault reference.
  dependsOn: [storageAccess, readLogs, publishTelemetry, readSecrets, artifacts, deploymentContainer]
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Secrets are Key Vault references, resolved by the platform with keyVaultReferenceIdentity: their values
      // never pass through this deployment. The package's folder is read-only on Flex Consumption, so the approval
      // ledger lives on the instance's scratch disk (one ledger per instance).
      // app-settings:begin (one setting per line; names checked against what the app reads by tests/Functions.Tests/Infra)
      appSettings: [
        { name: 'AzureWebJobsStorage__blobServiceUri', value: storage.properties.primaryEndpoints.blob }
        { name: 'AzureWebJobsStorage__queueServiceUri', value: storage.properties.primaryEndpoints.queue }
        { name: 'AzureWebJobsStorage__tableServiceUri', value: storage.properties.primaryEndpoints.table }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identity.properties.clientId }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identity.properties.clientId};Authorization=AAD' }
        { name: 'GitLab__BaseUrl', value: gitLabBaseUrl }
        { name: 'GitLab__Token', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${gitLabTokenSecretName})' }
        { name: 'GitLab__WebhookSecret', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${gitLabWebhookSecretName})' }
        { name: 'Approvals__SigningKey', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${approvalsSigningKeySecretName})' }
        { name: 'Approvals__PublicBaseUrl', value: appUrl }
        { name: 'Approvals__LedgerPath', value: '/tmp/ragnarok/approvals.db' }
        { name: 'LogAnalytics__WorkspaceId', value: workspace.properties.customerId }
      ]
      // app-settings:end
    }
  }
}

output appName string = app.name
output hostUrl string = 'https://${app.properties.defaultHostName}'
output workspaceId string = workspace.properties.customerId
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output identityClientId string = identity.properties.clientId
