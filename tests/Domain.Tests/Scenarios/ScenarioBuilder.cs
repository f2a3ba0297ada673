using RagnarokOps.Domain.Escalations;
using RagnarokOps.Domain.Evidence;
using RagnarokOps.Domain.Onset;
using RagnarokOps.Domain.Scoring;

namespace RagnarokOps.Domain.Tests.Scenarios;

/// <summary>
/// Builds a case in code: an escalation, a two-hour window of evidence around an onset, and the known
/// services. Times are minutes after <see cref="Start"/> (13:00 UTC); the default onset is at 65 (14:05).
/// </summary>
internal sealed class ScenarioBuilder
{
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 13, 0, 0, TimeSpan.Zero);

    public static readonly KnownService Checkout = new("checkout", ["checkout", "cart", "payment"], ["src/Checkout/**"]);
    public static readonly KnownService Billing = new("billing", ["invoice", "billing"], ["src/Billing/**"]);

    private readonly List<CommitEvidence> _commits = [];
    private readonly List<DeploymentEvidence> _deployments = [];
    private readonly List<FlagChangeEvidence> _flags = [];
    private readonly List<PipelineEvidence> _pipelines = [];
    private readonly List<ConfigDriftEvidence> _drift = [];
    private readonly List<MissingEvidence> _missing = [];
    private readonly List<LogSample> _samples = [];
    private List<ErrorBucket>? _buckets;
    private bool _noLogs;
    private string _title = "";
    private string _description = "";
    private string[] _labels = ["env::production", "service::checkout"];

    public ScenarioBuilder(string name, string? expected)
    {
        Name = name;
        Expected = expected;
        _buckets = Burst(65, baseline: 1, burst: 12);
    }

    public string Name { get; }

    /// <summary>The reference (sha, flag, key, deployment id) of the true cause, or null when none is in the window.</summary>
    public string? Expected { get; }

    public static DateTimeOffset At(int minute) => Start.AddMinutes(minute);

    public ScenarioBuilder Escalation(string title, string description, params string[] labels)
    {
        _title = title;
        _description = description;
        if (labels.Length > 0)
        {
            _labels = labels;
        }

        return this;
    }

    public ScenarioBuilder Commit(string sha, int minute, string message, params ChangedFile[] files) =>
        CommitWithParents(sha, minute, message, ["p" + sha], files);

    public ScenarioBuilder CommitWithParents(string sha, int minute, string message, string[] parents, params ChangedFile[] files)
    {
        var title = message.Split('\n')[0];
        _commits.Add(new CommitEvidence(sha, title, message, "Dev", "dev@example.com", At(minute), parents, files, $"https://gitlab.example.com/shop/-/commit/{sha}"));
        return this;
    }

    public ScenarioBuilder Deploy(long id, string sha, int minute, string environment = "production", string status = "success", params string[] commits) =>
        Add(_deployments, new DeploymentEvidence(id, environment, sha, "main", status, At(minute - 3), At(minute), null, commits.Length == 0 ? [sha] : commits));

    public ScenarioBuilder Flag(string name, bool active, int minute, string description, string environment = "production") =>
        Add(_flags, new FlagChangeEvidence(name, active, At(minute), environment, description, "ops"));

    public ScenarioBuilder Drift(string key, string path, string? oldValue, string? newValue, int minute) =>
        Add(_drift, new ConfigDriftEvidence("production", path, key, oldValue, newValue, At(minute)));

    public ScenarioBuilder Pipeline(long id, string sha, int minute, string status, params string[] failedJobs) =>
        Add(_pipelines, new PipelineEvidence(id, "main", sha, status, "push", At(minute - 10), At(minute), null,
            failedJobs.Select((j, i) => new JobEvidence(id * 10 + i, j, "test", "failed", "script_failure", null)).ToList()));

    public ScenarioBuilder Missing(string source, string reason) => Add(_missing, new MissingEvidence(source, reason));

    public ScenarioBuilder Sample(string exceptionType, string message, params string[] frames) =>
        Add(_samples, new LogSample(At(66), "Error", message, exceptionType, frames, "POST", "/api/checkout", 500, "req-1"));

    public ScenarioBuilder Errors(List<ErrorBucket> buckets)
    {
        _buckets = buckets;
        return this;
    }

    public ScenarioBuilder NoLogs()
    {
        _noLogs = true;
        return this;
    }

    /// <summary>Quiet baseline (one error every few minutes), then <paramref name="burst"/> errors a minute from <paramref name="onset"/>.</summary>
    public static List<ErrorBucket> Burst(int onset, int baseline, int burst) =>
        Enumerable.Range(0, 120)
            .Select(m => new ErrorBucket(At(m), m >= onset ? burst + m % 3 : (m % 5 == 0 ? baseline : 0), 200))
            .Where(b => b.Errors > 0)
            .ToList();

    public ScenarioRun Run()
    {
        var window = new TimeWindow(Start, At(120));
        var services = new[] { Checkout, Billing };
        var escalation = EscalationNormalizer.Normalize(new EscalationInput(_title, _description, _labels, [], At(80), "shop#1"), services);
        LogEvidence? logs = _noLogs ? null : new LogEvidence("checkout", "log-file", window, _buckets!, [], _samples, []);
        var onset = logs is null ? OnsetResult.None("no logs") : OnsetDetector.Detect(logs.ErrorsPerMinute, window);
        var bundle = new EvidenceBundle(window, logs, _deployments, _commits, _flags, _pipelines, _missing);
        var service = services.FirstOrDefault(s => s.Name == escalation.Service);
        var result = HypothesisScorer.Rank(new DiagnosisInput(escalation, bundle, onset, service, services, _drift));
        return new ScenarioRun(this, escalation, bundle, onset, result);
    }

    public override string ToString() => Name;

    private ScenarioBuilder Add<T>(List<T> list, T item)
    {
        list.Add(item);
        return this;
    }

    /// <summary>A unified diff of one hunk: removed lines, then added lines.</summary>
    public static ChangedFile File(string path, string[] removed, string[] added, int line = 1)
    {
        var lines = new List<string> { $"--- a/{path}", $"+++ b/{path}", $"@@ -{line},{removed.Length} +{line},{added.Length} @@" };
        lines.AddRange(removed.Select(l => "-" + l));
        lines.AddRange(added.Select(l => "+" + l));
        return new ChangedFile(path, null, false, false, string.Join('\n', lines) + "\n");
    }
}

internal sealed record ScenarioRun(ScenarioBuilder Scenario, Escalation Escalation, EvidenceBundle Bundle, OnsetResult Onset, DiagnosisResult Result)
{
    public Hypothesis Top => Result.Top ?? throw new InvalidOperationException($"{Scenario.Name}: no hypothesis");

    public Contribution Contribution(Hypothesis hypothesis, string name) =>
        hypothesis.Contributions.FirstOrDefault(c => c.Name == name)
        ?? throw new InvalidOperationException($"{Scenario.Name}: {hypothesis.Reference} has no '{name}' contribution: {string.Join(", ", hypothesis.Contributions.Select(c => c.Name))}");

    public string Describe() => Scenario.Name + ":\n" + string.Join("\n", Result.Hypotheses.Select(h =>
        $"  {h.Rank}. {h.Kind} {h.Reference} conf={h.Confidence} score={h.Score} [{string.Join("; ", h.Contributions.Select(c => $"{c.Name}={c.Value}"))}]"));
}
