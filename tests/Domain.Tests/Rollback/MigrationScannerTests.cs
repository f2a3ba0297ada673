using RagnarokOps.Domain.Rollback;

namespace RagnarokOps.Domain.Tests.Rollback;

public sealed class MigrationScannerTests
{
    private static string NewFile(params string[] lines) => $"@@ -0,0 +1,{lines.Length} @@\n" + string.Join("\n", lines.Select(l => "+" + l)) + "\n";

    private static MigrationFinding Single(string path, params string[] lines) =>
        Assert.Single(MigrationScanner.Scan([new UndoneFile("abcdef0123456789", path, NewFile(lines))]));

    [Theory]
    [InlineData("ALTER TABLE items DROP COLUMN legacy_sku;", "drop-column", RiskLevel.High)]
    [InlineData("DROP TABLE reservations;", "drop-table", RiskLevel.High)]
    [InlineData("DELETE FROM items WHERE archived;", "data-delete", RiskLevel.High)]
    [InlineData("TRUNCATE audit_log;", "data-delete", RiskLevel.High)]
    [InlineData("ALTER TABLE items ALTER COLUMN name TYPE varchar(20);", "change-type", RiskLevel.Medium)]
    [InlineData("ALTER TABLE items ALTER COLUMN name SET NOT NULL;", "not-null-without-default", RiskLevel.Medium)]
    [InlineData("ALTER TABLE items ADD COLUMN owner int NOT NULL;", "not-null-without-default", RiskLevel.Medium)]
    [InlineData("ALTER TABLE items RENAME COLUMN sku TO code;", "rename", RiskLevel.Medium)]
    [InlineData("ALTER TABLE items RENAME TO products;", "rename", RiskLevel.Medium)]
    [InlineData("ALTER TABLE items ADD COLUMN owner int NOT NULL DEFAULT 0;", "add-schema", RiskLevel.Low)]
    public void Scan_Sql_FindsEachShape(string statement, string check, RiskLevel severity)
    {
        var finding = Single("db/migrations/0003_items.sql", "-- change", statement);
        Assert.Equal((check, severity, "sql", 2), (finding.Check, finding.Severity, finding.Framework, finding.Line));
        Assert.Equal("db/migrations/0003_items.sql:2", finding.Where);
    }

    [Theory]
    [InlineData("migrationBuilder.DropColumn(name: \"Sku\", table: \"Items\");", "drop-column", RiskLevel.High)]
    [InlineData("migrationBuilder.DropTable(name: \"Reservations\");", "drop-table", RiskLevel.High)]
    [InlineData("migrationBuilder.AlterColumn<string>(name: \"Name\", table: \"Items\", maxLength: 20);", "change-type", RiskLevel.Medium)]
    [InlineData("migrationBuilder.RenameColumn(name: \"Sku\", table: \"Items\", newName: \"Code\");", "rename", RiskLevel.Medium)]
    [InlineData("migrationBuilder.AddColumn<int>(name: \"Owner\", table: \"Items\", nullable: false);", "not-null-without-default", RiskLevel.Medium)]
    [InlineData("migrationBuilder.Sql(\"DELETE FROM Items WHERE Archived = 1\");", "data-delete", RiskLevel.High)]
    [InlineData("migrationBuilder.AddColumn<int>(name: \"Owner\", table: \"Items\", nullable: false, defaultValue: 0);", "add-schema", RiskLevel.Low)]
    public void Scan_EfCore_FindsEachShape(string statement, string check, RiskLevel severity)
    {
        var finding = Single("src/Data/Migrations/20261201_Items.cs", "protected override void Up(MigrationBuilder migrationBuilder)", "{", statement, "}");
        Assert.Equal((check, severity, "ef-core", 3), (finding.Check, finding.Severity, finding.Framework, finding.Line));
    }

    [Theory]
    [InlineData("remove_column :items, :legacy_sku", "drop-column", RiskLevel.High)]
    [InlineData("drop_table :reservations", "drop-table", RiskLevel.High)]
    [InlineData("change_column :items, :name, :string, limit: 20", "change-type", RiskLevel.Medium)]
    [InlineData("rename_column :items, :sku, :code", "rename", RiskLevel.Medium)]
    [InlineData("execute \"DELETE FROM items WHERE archived\"", "data-delete", RiskLevel.High)]
    [InlineData("add_column :items, :owner_id, :integer, null: false", "not-null-without-default", RiskLevel.Medium)]
    [InlineData("add_column :items, :owner_id, :integer, null: false, default: 0", "add-schema", RiskLevel.Low)]
    public void Scan_Rails_FindsEachShape(string statement, string check, RiskLevel severity)
    {
        var finding = Single("db/migrate/20261201000000_change_items.rb", "class ChangeItems < ActiveRecord::Migration[7.1]", "  def change", "    " + statement, "  end", "end");
        Assert.Equal((check, severity, "rails", 3), (finding.Check, finding.Severity, finding.Framework, finding.Line));
    }

    [Theory]
    [InlineData("migrations.RemoveField(model_name='item', name='legacy_sku'),", "drop-column", RiskLevel.High)]
    [InlineData("migrations.DeleteModel(name='Reservation'),", "drop-table", RiskLevel.High)]
    [InlineData("migrations.AlterField(model_name='item', name='name', field=models.CharField(max_length=20)),", "change-type", RiskLevel.Medium)]
    [InlineData("migrations.RenameField(model_name='item', old_name='sku', new_name='code'),", "rename", RiskLevel.Medium)]
    [InlineData("migrations.RunSQL(\"DELETE FROM inventory_item WHERE archived\"),", "data-delete", RiskLevel.High)]
    [InlineData("migrations.AddField(model_name='item', name='owner', field=models.IntegerField(null=True)),", "add-schema", RiskLevel.Low)]
    public void Scan_Django_FindsEachShape(string statement, string check, RiskLevel severity)
    {
        var finding = Single("inventory/migrations/0004_items.py", "class Migration(migrations.Migration):", "    operations = [", "        " + statement, "    ]");
        Assert.Equal((check, severity, "django", 3), (finding.Check, finding.Severity, finding.Framework, finding.Line));
    }

    [Fact]
    public void Scan_OnlyAddedLinesOfAMigration_CountInTheNewFile()
    {
        var diff = "@@ -10,3 +10,4 @@ class Migration\n     operations = [\n-        migrations.RemoveField(model_name='item', name='old'),\n+        migrations.AddField(model_name='item', name='x', field=models.IntegerField(null=True)),\n+        migrations.RemoveField(model_name='item', name='legacy_sku'),\n     ]\n";
        var findings = MigrationScanner.Scan([new UndoneFile("c1", "inventory/migrations/0004.py", diff)]);
        Assert.Equal([("add-schema", 11), ("drop-column", 12)], findings.Select(f => (f.Check, f.Line)));
    }

    [Fact]
    public void Scan_NonMigrationFilesAndDeletedFiles_AreIgnored()
    {
        var findings = MigrationScanner.Scan(
        [
            new UndoneFile("c1", "src/Api.cs", NewFile("// DROP TABLE items in a comment of ordinary code")),
            new UndoneFile("c1", "docs/how-to.md", NewFile("DROP TABLE x;")),
            new UndoneFile("c1", "db/migrations/0001.sql", NewFile("DROP TABLE x;"), Deleted: true),
            new UndoneFile("c1", "src/Data/Migrations/AppModelSnapshot.cs", NewFile("migrationBuilder.DropTable(name: \"x\");")),
        ]);
        Assert.Empty(findings);
    }

    [Fact]
    public void Scan_SafeMigrations_AssessLow()
    {
        var findings = MigrationScanner.Scan(
        [
            new UndoneFile("c1", "db/migrations/0002.sql", NewFile("CREATE TABLE tags (id int PRIMARY KEY);", "CREATE INDEX CONCURRENTLY tags_id ON tags (id);")),
            new UndoneFile("c2", "db/migrate/20261201_add_tags.rb", NewFile("create_table :tags do |t|", "end")),
        ]);
        var assessment = RollbackAssessment.Assess(findings, commits: 2, maxCommits: 50);
        Assert.Equal(RiskLevel.Low, assessment.Risk);
        Assert.All(findings, f => Assert.Equal("add-schema", f.Check));
        Assert.Contains(assessment.Reasons, r => r.Contains("db/migrations/0002.sql:1", StringComparison.Ordinal) && r.Contains("down migration", StringComparison.Ordinal));
    }
}
