using System.Diagnostics;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using RagnarokOps.Domain.Probes;

namespace RagnarokOps.Connectors.Probes;

/// <summary>
/// GET of the target's URL: the status (expected, or any 2xx/3xx), latency, a body regex, and for https the days left on
/// the server certificate. Each probe has its own handler so the certificate seen belongs to this request, and no
/// pooled connection hides a certificate change or an outage.
/// </summary>
internal sealed class HttpProbe(TimeProvider time)
{
    private const int MaxBodyChars = 1_000_000;

    public async Task<ProbeResult> RunAsync(ProbeTarget target, CancellationToken cancellationToken)
    {
        var limits = target.Limits;
        var url = new Uri(target.Url!);
        X509Certificate2? certificate = null;
        SslPolicyErrors tlsErrors = SslPolicyErrors.None;
        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.Zero,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, cert, _, errors) =>
                {
                    certificate = cert is null ? null : new X509Certificate2(cert);
                    tlsErrors = errors;
                    return errors == SslPolicyErrors.None || limits.AllowUntrustedCertificate;
                },
            },
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(limits.TimeoutSeconds) };
        var observedAt = time.GetUtcNow();
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var latency = watch.ElapsedMilliseconds;
            var status = (int)response.StatusCode;
            var seen = $"HTTP {status} from {url} in {latency} ms";
            var failures = new List<string>();
            if (limits.ExpectStatus is { } expected ? status != expected : status is < 200 or >= 400)
            {
                failures.Add(limits.ExpectStatus is { } e ? $"expected {e}" : "expected 2xx or 3xx");
            }

            if (limits.MaxLatencyMs is { } max && latency > max)
            {
                failures.Add($"slower than {max} ms");
            }

            if (limits.BodyMatch is { } pattern && !Regex.IsMatch(body.Length > MaxBodyChars ? body[..MaxBodyChars] : body, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                failures.Add($"body does not match /{pattern}/");
            }

            if (url.Scheme == Uri.UriSchemeHttps && certificate is { } cert)
            {
                var days = (int)Math.Floor((cert.NotAfter.ToUniversalTime() - observedAt.UtcDateTime).TotalDays);
                seen += $", certificate expires in {days} days";
                if (days < limits.TlsMinDays)
                {
                    failures.Add($"certificate expires in fewer than {limits.TlsMinDays} days ({cert.NotAfter.ToUniversalTime():yyyy-MM-dd})");
                }
            }

            return failures.Count == 0
                ? new ProbeResult(target.Name, true, latency, seen, observedAt)
                : new ProbeResult(target.Name, false, latency, $"{seen}: {string.Join("; ", failures)}", observedAt);
        }
        catch (HttpRequestException ex) when (tlsErrors != SslPolicyErrors.None && !limits.AllowUntrustedCertificate)
        {
            return new ProbeResult(target.Name, false, watch.ElapsedMilliseconds, $"{url}: TLS certificate not trusted ({tlsErrors}): {ex.Message}", observedAt);
        }
        catch (HttpRequestException ex)
        {
            return new ProbeResult(target.Name, false, watch.ElapsedMilliseconds, $"{url}: no answer: {ex.Message}", observedAt);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(target.Name, false, watch.ElapsedMilliseconds, $"{url}: no answer within {limits.TimeoutSeconds} s", observedAt);
        }
        finally
        {
            certificate?.Dispose();
        }
    }
}
