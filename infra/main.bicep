// RagnarokOps on Azure: the host as a Container App, PostgreSQL for the durable task hub, Blob Storage for
// artifacts, a Log Analytics workspace for logs, and one user-assigned identity with only the roles it needs.
// Deploy: see README.md in this folder.

targetScope = 'resourceGroup'

@description('Azure region for every resource; the resource group\'s by default.')
param location string = resourceGroup().location

@description('Prefix of every resource name (3-11 lowercase letters and digits).')
@minLength(3)
@maxLength(11)
param namePrefix string

@description('The host\'s container image, for example myregistry.azurecr.io/ragnarok:0.1.0.')
param containerImage string

@description('The GitLab REST API the host reads and writes, for example https://gitlab.com.')
param gitLabBaseUrl string

@secure()
@description('A GitLab personal, project or group access token (api scope).')
param gitLabToken string

@secure()
@description('The X-Gitlab-Token that GitLab webhooks must carry.')
param gitLabWebhookSecret string

@secure()
@description('The key that signs approval links (at least 32 random bytes, base64).')
param approvalsSigningKey string

@description('Administrator login of the PostgreSQL server.')
param postgresAdminLogin string = 'ragnarok'

@secure()
@description('Administrator password of the PostgreSQL server.')
param postgresAdminPassword string

@description('Replicas of the host; more than one share the PostgreSQL task hub.')
@minValue(1)
@maxValue(10)
param replicas int = 1

var suffix = uniqueString(resourceGroup().id, namePrefix)
var storageName = take('${namePrefix}st${suffix}', 24)
var taskHubDatabase = 'ragnarok'
// The host's default artifact container (connectors/Artifacts/ArtifactStoreFactory.cs); it would create it on first use.
var artifactsContainerName = 'ragnarok-artifacts'

// Built-in role definition ids (the same in every tenant).
var logAnalyticsReader = '73c42c96-874c-492b-b04d-ab87d138a893'
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

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

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    // The host authenticates with its managed identity; no account key is handed out.
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource artifacts 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: artifactsContainerName
  properties: { publicAccess: 'None' }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${namePrefix}-pg-${suffix}'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: { storageSizeGB: 32 }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: { mode: 'Disabled' }
  }
}

resource taskHub 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: taskHubDatabase
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0-0.0.0.0 is Azure's "allow Azure services" rule: the Container App's outbound addresses are not fixed.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource readLogs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(workspace.id, identity.id, logAnalyticsReader)
  scope: workspace
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', logAnalyticsReader)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource writeBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageBlobDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${namePrefix}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
  }
}

resource host 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${namePrefix}-host'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  dependsOn: [readLogs, writeBlobs, taskHub, allowAzure, artifacts]
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 8080
        transport: 'http'
        allowInsecure: false
      }
      secrets: [
        { name: 'gitlab-token', value: gitLabToken }
        { name: 'gitlab-webhook-secret', value: gitLabWebhookSecret }
        { name: 'approvals-signing-key', value: approvalsSigningKey }
        {
          name: 'task-hub-connection'
          value: 'Host=${postgres.properties.fullyQualifiedDomainName};Database=${taskHubDatabase};Username=${postgresAdminLogin};Password=${postgresAdminPassword};SSL Mode=Require'
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'ragnarok'
          image: containerImage
          args: ['serve', '--urls', 'http://0.0.0.0:8080']
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          // app-settings:begin (names checked against what the host reads by tests/Functions.Tests/Infra)
          env: [
            { name: 'GitLab__BaseUrl', value: gitLabBaseUrl }
            { name: 'GitLab__Token', secretRef: 'gitlab-token' }
            { name: 'GitLab__WebhookSecret', secretRef: 'gitlab-webhook-secret' }
            { name: 'LogAnalytics__WorkspaceId', value: workspace.properties.customerId }
            { name: 'Approvals__SigningKey', secretRef: 'approvals-signing-key' }
            { name: 'AzureWebJobsStorage__blobServiceUri', value: storage.properties.primaryEndpoints.blob }
            { name: 'RagnarokTaskHub', secretRef: 'task-hub-connection' }
            { name: 'AzureFunctionsJobHost__extensions__durableTask__storageProvider__type', value: 'postgres' }
            { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
          ]
          // app-settings:end
          probes: [
            {
              type: 'Liveness'
              tcpSocket: { port: 8080 }
              periodSeconds: 30
            }
          ]
        }
      ]
      scale: {
        minReplicas: replicas
        maxReplicas: replicas
      }
    }
  }
}

output hostUrl string = 'https://${host.properties.configuration.ingress.fqdn}'
output workspaceId string = workspace.properties.customerId
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output identityClientId string = identity.properties.clientId
