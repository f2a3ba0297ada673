using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Rollback;

/// <summary>The migration frameworks the scanner knows, by path, and the statement patterns each check looks for.</summary>
internal static partial class MigrationRules
{
    public const string Sql = "sql";
    public const string EfCore = "ef-core";
    public const string Rails = "rails";
    public const string Django = "django";

    /// <summary>The framework a changed file's migrations are written for, or null when it is not a migration.</summary>
    public static string? FrameworkOf(string path, IEnumerable<string> addedLines)
    {
        var p = path.Replace('\\', '/');
        if (p.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
        {
            return Sql;
        }

        if (p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
            && (p.Contains("/Migrations/", StringComparison.OrdinalIgnoreCase) || p.StartsWith("Migrations/", StringComparison.OrdinalIgnoreCase)
                || addedLines.Any(l => l.Contains("migrationBuilder", StringComparison.Ordinal))))
        {
            return p.EndsWith(".Designer.cs", StringComparison.OrdinalIgnoreCase) || p.EndsWith("ModelSnapshot.cs", StringComparison.OrdinalIgnoreCase) ? null : EfCore;
        }

        if (p.EndsWith(".rb", StringComparison.OrdinalIgnoreCase) && (p.StartsWith("db/migrate/", StringComparison.Ordinal) || p.Contains("/db/migrate/", StringComparison.Ordinal)))
        {
            return Rails;
        }

        return p.EndsWith(".py", StringComparison.OrdinalIgnoreCase) && p.Contains("migrations/", StringComparison.Ordinal) && !p.EndsWith("__init__.py", StringComparison.Ordinal) ? Django : null;
    }

    public sealed record Rule(string Check, RiskLevel Severity, Regex Pattern, Func<string, bool>? Unless = null);

    public static IReadOnlyList<Rule> For(string framework) => framework switch
    {
        Sql => SqlRules,
        EfCore => EfRules,
        Rails => RailsRules,
        _ => DjangoRules,
    };

    private static bool HasDefault(string line) => line.Contains("default", StringComparison.OrdinalIgnoreCase);

    private static readonly Rule[] SqlRules =
    [
        new("drop-table", RiskLevel.High, SqlDropTable()),
        new("drop-column", RiskLevel.High, SqlDropColumn()),
        new("data-delete", RiskLevel.High, SqlDelete()),
        new("change-type", RiskLevel.Medium, SqlAlterType()),
        new("not-null-without-default", RiskLevel.Medium, SqlSetNotNull()),
        new("not-null-without-default", RiskLevel.Medium, SqlAddNotNull(), HasDefault),
        new("rename", RiskLevel.Medium, SqlRename()),
        new("add-schema", RiskLevel.Low, SqlAdd()),
    ];

    private static readonly Rule[] EfRules =
    [
        new("drop-table", RiskLevel.High, EfDropTable()),
        new("drop-column", RiskLevel.High, EfDropColumn()),
        new("data-delete", RiskLevel.High, EfSqlDelete()),
        new("change-type", RiskLevel.Medium, EfAlterColumn()),
        new("not-null-without-default", RiskLevel.Medium, EfAddNotNull(), HasDefault),
        new("rename", RiskLevel.Medium, EfRename()),
        new("add-schema", RiskLevel.Low, EfAdd()),
    ];

    private static readonly Rule[] RailsRules =
    [
        new("drop-table", RiskLevel.High, RailsDropTable()),
        new("drop-column", RiskLevel.High, RailsRemoveColumn()),
        new("data-delete", RiskLevel.High, RailsDelete()),
        new("change-type", RiskLevel.Medium, RailsChangeColumn()),
        new("not-null-without-default", RiskLevel.Medium, RailsAddNotNull(), HasDefault),
        new("rename", RiskLevel.Medium, RailsRename()),
        new("add-schema", RiskLevel.Low, RailsAdd()),
    ];

    private static readonly Rule[] DjangoRules =
    [
        new("drop-table", RiskLevel.High, DjangoDeleteModel()),
        new("drop-column", RiskLevel.High, DjangoRemoveField()),
        new("data-delete", RiskLevel.High, DjangoRunSqlDelete()),
        new("change-type", RiskLevel.Medium, DjangoAlterField()),
        new("rename", RiskLevel.Medium, DjangoRename()),
        new("add-schema", RiskLevel.Low, DjangoAdd()),
    ];

    [GeneratedRegex(@"\bDROP\s+TABLE\b", RegexOptions.IgnoreCase)] private static partial Regex SqlDropTable();
    [GeneratedRegex(@"\bDROP\s+COLUMN\b", RegexOptions.IgnoreCase)] private static partial Regex SqlDropColumn();
    [GeneratedRegex(@"\b(DELETE\s+FROM|TRUNCATE)\b", RegexOptions.IgnoreCase)] private static partial Regex SqlDelete();
    [GeneratedRegex(@"\bALTER\s+COLUMN\s+\S+\s+(SET\s+DATA\s+)?TYPE\b|\bMODIFY\s+(COLUMN\s+)?\S+\s+\w+", RegexOptions.IgnoreCase)] private static partial Regex SqlAlterType();
    [GeneratedRegex(@"\bSET\s+NOT\s+NULL\b", RegexOptions.IgnoreCase)] private static partial Regex SqlSetNotNull();
    [GeneratedRegex(@"\bADD\s+(COLUMN\s+)?\S+\s+.*\bNOT\s+NULL\b", RegexOptions.IgnoreCase)] private static partial Regex SqlAddNotNull();
    [GeneratedRegex(@"\bRENAME\s+(COLUMN\s+\S+\s+)?TO\b|\bRENAME\s+COLUMN\b", RegexOptions.IgnoreCase)] private static partial Regex SqlRename();
    [GeneratedRegex(@"\bCREATE\s+TABLE\b|\bADD\s+COLUMN\b", RegexOptions.IgnoreCase)] private static partial Regex SqlAdd();

    [GeneratedRegex(@"\bmigrationBuilder\s*\.\s*DropTable\s*\(")] private static partial Regex EfDropTable();
    [GeneratedRegex(@"\bmigrationBuilder\s*\.\s*DropColumn\s*\(")] private static partial Regex EfDropColumn();
    [GeneratedRegex(@"\bmigrationBuilder\s*\.\s*(Sql\s*\(.*\b(DELETE|TRUNCATE)\b|DeleteData\s*\()", RegexOptions.IgnoreCase)] private static partial Regex EfSqlDelete();
    [GeneratedRegex(@"\bmigrationBuilder\s*\.\s*AlterColumn\s*<")] private static partial Regex EfAlterColumn();
    [GeneratedRegex(@"\bmigrationBuilder\s*\.\s*AddColumn\s*<.*\bnullable\s*:\s*false\b")] private static partial Regex EfAddNotNull();
    [GeneratedRegex(@"\bmigrationBuilder\s*\.\s*Rename(Column|Table)\s*\(")] private static partial Regex EfRename();
    [GeneratedRegex(@"\bmigrationBuilder\s*\.\s*(CreateTable|AddColumn)\b")] private static partial Regex EfAdd();

    [GeneratedRegex(@"^\s*drop_table\b")] private static partial Regex RailsDropTable();
    [GeneratedRegex(@"^\s*remove_(column|columns|reference)\b")] private static partial Regex RailsRemoveColumn();
    [GeneratedRegex(@"^\s*execute\b.*\b(DELETE|TRUNCATE)\b|\.(delete_all|destroy_all)\b", RegexOptions.IgnoreCase)] private static partial Regex RailsDelete();
    [GeneratedRegex(@"^\s*change_column(_null)?\b")] private static partial Regex RailsChangeColumn();
    [GeneratedRegex(@"^\s*add_column\b.*\bnull:\s*false\b")] private static partial Regex RailsAddNotNull();
    [GeneratedRegex(@"^\s*rename_(column|table)\b")] private static partial Regex RailsRename();
    [GeneratedRegex(@"^\s*(create_table|add_column|add_reference)\b")] private static partial Regex RailsAdd();

    [GeneratedRegex(@"\bmigrations\.DeleteModel\s*\(")] private static partial Regex DjangoDeleteModel();
    [GeneratedRegex(@"\bmigrations\.RemoveField\s*\(")] private static partial Regex DjangoRemoveField();
    [GeneratedRegex(@"\bmigrations\.RunSQL\s*\(.*\b(DELETE|TRUNCATE)\b|\.objects\..*\.delete\(\)", RegexOptions.IgnoreCase)] private static partial Regex DjangoRunSqlDelete();
    [GeneratedRegex(@"\bmigrations\.AlterField\s*\(")] private static partial Regex DjangoAlterField();
    [GeneratedRegex(@"\bmigrations\.Rename(Field|Model)\s*\(")] private static partial Regex DjangoRename();
    [GeneratedRegex(@"\bmigrations\.(CreateModel|AddField)\s*\(")] private static partial Regex DjangoAdd();
}
