namespace RagnarokOps.Sandbox.Seeding;

/// <summary>The files of the <c>envsync</c> scenario's inventory service.</summary>
internal static class EnvsyncFiles
{
    public const string ConfigPath = "config/app.yaml";
    public const string ProductionEnvPath = "deploy/production.env";
    public const string FirstMigrationPath = "db/migrations/0001_items.sql";
    public const string DropColumnMigrationPath = "db/migrations/0002_drop_legacy_sku.sql";

    public const string FirstMigration = "CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, legacy_sku text);\n";

    public const string DropColumnMigration = "-- the SKU moved to the catalogue service\nALTER TABLE items DROP COLUMN legacy_sku;\n";

    public const string Topology = """
        version: 1
        environments:
          - name: dev
            branch: dev
            environment: development
          - name: staging
            branch: staging
          - name: production
            branch: production
            protected: true
        promotion: [dev, staging, production]
        drift:
          schedule: "0 * * * *"
          expected:
            - path: "deploy/*.env"
              reason: each environment has its own endpoints file
            - path: config/app.yaml
              keys: [database.host, "logging.*"]
              reason: database and log level are per environment
        conflicts:
          - path: package-lock.json
            strategy: regenerate
        rollback:
          require_approval: protected
        """;

    public static string Config(string host, string level, int timeout, int pool = 10) => $"""
        database:
          host: {host}
          pool: {pool}
        logging:
          level: {level}
        http:
          timeout_seconds: {timeout}
        """;

    public const string Ci = """
        stages: [build, test, deploy]
        build:
          stage: build
          script: dotnet build
        test:
          stage: test
          script: dotnet test
        """;

    public static string Service(string endpoints) => $$"""
        namespace Inventory;

        public static class Api
        {
            public static string[] Endpoints => [{{endpoints}}];
        }
        """;
}
