using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Domain.Evidence;
using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Repro;

/// <summary>
/// Sends the failing request to the replay URL of a non-protected environment, and nowhere else: the policy is read
/// again here, so a wrong input can never aim a replay at production. Dry-run records what it would send.
/// </summary>
[DurableTask(ActivityNames.ReplayInStaging)]
internal sealed class ReplayInStagingActivity(RepositoryReader repositories, IHttpClientFactory http, IOptions<ReplayOptions> options, ILogger<ReplayInStagingActivity> logger) : TaskActivity<ReplayRequest, ReplayResult>
{
    public override async Task<ReplayResult> RunAsync(TaskActivityContext context, ReplayRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Repro.Request is not { } target)
        {
            return Refused("no failing request to replay");
        }

        var repository = await repositories.LoadAsync(input.Case.Case.ProjectId, CancellationToken.None);
        var environment = repository.Policy.FindEnvironment(input.Environment);
        if (ReplaySafety.Refusal(environment) is { } refusal)
        {
            Log.ReplayRefused(logger, input.Case.Case.InstanceId, refusal);
            return Refused($"replay refused for `{input.Environment}`: {refusal}");
        }

        var url = new Uri(new Uri(environment!.ReplayBaseUrl!.ToString().TrimEnd('/') + "/"), target.Path.TrimStart('/'));
        var describe = $"{target.Method} {url} expecting {target.ExpectedStatus.ToString(CultureInfo.InvariantCulture)}";
        if (options.Value.DryRun)
        {
            return new ReplayResult(false, false, $"dry-run: would send {describe}{(target.Body is null ? "" : $" with a {target.Body.Length}-character body")}", null);
        }

        using var request = new HttpRequestMessage(new HttpMethod(target.Method), url);
        if (target.Body is not null)
        {
            request.Content = new StringContent(target.Body, Encoding.UTF8, target.ContentType ?? "application/json");
        }

        try
        {
            using var response = await http.CreateClient(ReplayOptions.HttpClientName).SendAsync(request, CancellationToken.None);
            var status = (int)response.StatusCode;
            return Judge(environment.Name, target, status);
        }
        catch (HttpRequestException ex)
        {
            // An unreachable staging is an answer (nothing listens there), not a transient fault worth three retries.
            var reason = $"replay target {environment.Name} ({url.GetLeftPart(UriPartial.Authority)}) is unreachable: {ex.HttpRequestError}";
            return new ReplayResult(false, false, reason, new MissingEvidence("replay", reason));
        }
        catch (TaskCanceledException)
        {
            var reason = $"replay target {environment.Name} did not answer within {ReplayOptions.RequestTimeout.TotalSeconds:0} s";
            return new ReplayResult(false, false, reason, new MissingEvidence("replay", reason));
        }
    }

    /// <summary>
    /// Reproduced means staging failed as production did: the same status when the evidence names one, else any
    /// answer but the healthy one. A different failure (a 400 where production answered 500) is not the bug.
    /// </summary>
    internal static ReplayResult Judge(string environment, ReplayTarget target, int status)
    {
        var sent = $"{target.Method} {target.Path} answered {status.ToString(CultureInfo.InvariantCulture)}";
        if (status == target.ExpectedStatus)
        {
            return new ReplayResult(true, false, $"not reproduced in {environment}: {sent} as a healthy service does", null);
        }

        if (target.ActualStatus is { } actual && actual != status)
        {
            return new ReplayResult(true, false,
                $"not reproduced in {environment}: {sent}, expected {target.ExpectedStatus.ToString(CultureInfo.InvariantCulture)}, while production answered {actual.ToString(CultureInfo.InvariantCulture)} — a different failure (is the request complete?)", null);
        }

        return new ReplayResult(true, true, $"reproduced in {environment}: {sent}, expected {target.ExpectedStatus.ToString(CultureInfo.InvariantCulture)}", null);
    }

    private static ReplayResult Refused(string reason) => new(false, false, reason, new MissingEvidence("replay", reason));
}
