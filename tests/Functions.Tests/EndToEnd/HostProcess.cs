using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using RagnarokOps.Functions.Hosting;
using RagnarokOps.Functions.Tests.Engine;
using RagnarokOps.Orchestrations.Escalation;

namespace RagnarokOps.Functions.Tests.EndToEnd;

/// <summary>
/// <c>ragnarok serve</c> as a child process pointed at a <see cref="SandboxCase"/>, configured through environment
/// variables as the demo configures its in-process host, so a test can kill it for real. Disposing kills it.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private const int TailLines = 40;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private HostProcess(Process process, string url, string managementKey)
    {
        _process = process;
        Url = url;
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Http.DefaultRequestHeaders.Add("x-functions-key", managementKey);
    }

    public string Url { get; }

    /// <summary>Carries the management key; the host ignores it on routes that do not ask for it.</summary>
    public HttpClient Http { get; }

    /// <summary>The last lines the host wrote to stdout and stderr, for failure messages.</summary>
    public string Tail
    {
        get
        {
            lock (_output)
            {
                return $"host {Url} (exited: {_process.HasExited}) output tail:{Environment.NewLine}{string.Join(Environment.NewLine, _output)}";
            }
        }
    }

    /// <summary>Starts the host on a free port over <paramref name="folder"/> (content root and data) and waits for /api/health.</summary>
    public static async Task<HostProcess> StartAsync(SandboxCase sandbox, string folder, string visibility = "00:00:10")
    {
        var root = Path.Combine(folder, "host");
        Directory.CreateDirectory(root);
        var hostJson = Path.Combine(root, HostJson.FileName);
        if (!File.Exists(hostJson))
        {
            // A restart on the same folder keeps the task hub, as a restarted server keeps its storage.
            await File.WriteAllTextAsync(hostJson, TestAzurite.HostJson(TestAzurite.NewHubName(), visibility: visibility));
        }

        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "ragnarok.dll"), "serve", "--urls", url, "--root", root })
        {
            start.ArgumentList.Add(argument);
        }

        // The same settings DemoHost passes in memory, here as the environment a deployed host would read.
        var environment = new Dictionary<string, string>
        {
            ["GitLab__BaseUrl"] = sandbox.GitLab.BaseUrl.ToString(),
            ["GitLab__Token"] = sandbox.GitLab.Token,
            ["GitLab__WebhookSecret"] = sandbox.Secrets.WebhookSecret,
            ["Approvals__SigningKey"] = sandbox.Secrets.SigningKey,
            ["Approvals__PublicBaseUrl"] = url,
            ["Approvals__LedgerPath"] = Path.Combine(root, "approvals.db"),
            ["DurableTask__Key"] = sandbox.Secrets.ManagementKey,
            [TestAzurite.ConnectionName] = await TestAzurite.ConnectionStringAsync(),
            ["Ragnarok__DataDirectory"] = root,
            ["AzureWebJobsStorage"] = string.Empty,
            ["Artifacts__Folder"] = Path.Combine(folder, "artifacts"),
            ["Logs__BaseDirectory"] = sandbox.GitLab.DataDirectory,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var host = new HostProcess(process, url, sandbox.Secrets.ManagementKey);
        process.OutputDataReceived += (_, e) => host.Record(e.Data);
        process.ErrorDataReceived += (_, e) => host.Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitHealthyAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>Polls the management API until the case's custom status reaches <paramref name="step"/>.</summary>
    public async Task<EscalationStatus> WaitForStepAsync(string instanceId, string step)
    {
        var last = "no answer yet";
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Bound)
        {
            var instance = await GetInstanceAsync(instanceId);
            if (instance is not null)
            {
                last = instance.ToJsonString();
                if (instance["customStatus"]?.Deserialize<EscalationStatus>(Web) is { } status && status.Step == step)
                {
                    return status;
                }

                var runtime = instance["runtimeStatus"]?.GetValue<string>();
                Assert.False(runtime is "Completed" or "Failed" or "Terminated", $"the case ended {runtime} before {step}: {last}{Environment.NewLine}{Tail}");
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{instanceId} did not reach {step} within {Bound.TotalSeconds} s; last status: {last}{Environment.NewLine}{Tail}");
        return null!;
    }

    /// <summary>Polls the management API until the case is no longer running; returns its status payload.</summary>
    public async Task<JsonObject> WaitForCompletionAsync(string instanceId)
    {
        var last = "no answer yet";
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Bound)
        {
            var instance = await GetInstanceAsync(instanceId);
            if (instance is not null)
            {
                last = instance.ToJsonString();
                if (instance["runtimeStatus"]?.GetValue<string>() is "Completed" or "Failed" or "Terminated")
                {
                    return instance;
                }
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{instanceId} did not complete within {Bound.TotalSeconds} s; last status: {last}{Environment.NewLine}{Tail}");
        return null!;
    }

    /// <summary>SIGKILL on Linux: no shutdown hooks, no flush; whatever the host had not written is lost.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(Bound);
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                await KillAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started, or already reaped: nothing is left to kill.
        }

        _process.Dispose();
    }

    public async Task<JsonObject?> GetInstanceAsync(string instanceId)
    {
        if (_process.HasExited)
        {
            Assert.Fail($"the host exited with {_process.ExitCode}{Environment.NewLine}{Tail}");
        }

        using var response = await Http.GetAsync($"{Url}/runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(instanceId)}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }

    private async Task WaitHealthyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Bound)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"the host exited with {_process.ExitCode} before it was healthy{Environment.NewLine}{Tail}");
            }

            try
            {
                using var response = await Http.GetAsync($"{Url}/api/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"the host was not healthy within {Bound.TotalSeconds} s{Environment.NewLine}{Tail}");
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > TailLines)
            {
                _output.Dequeue();
            }
        }
    }
}
