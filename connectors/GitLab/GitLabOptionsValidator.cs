using Microsoft.Extensions.Options;

namespace RagnarokOps.Connectors.GitLab;

/// <summary>Reports every problem in the "GitLab" section at once, at start-up.</summary>
internal sealed class GitLabOptionsValidator : IValidateOptions<GitLabOptions>
{
    public ValidateOptionsResult Validate(string? name, GitLabOptions options)
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add("GitLab:BaseUrl must be an absolute http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(options.Token))
        {
            errors.Add("GitLab:Token is required (a personal, project or group access token).");
        }

        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            errors.Add("GitLab:Timeout must be positive.");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero && options.AttemptTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            errors.Add("GitLab:AttemptTimeout must be positive.");
        }

        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            errors.Add("GitLab:MaxRetryAttempts must be between 0 and 10.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.MaxServerRetryDelay < TimeSpan.Zero)
        {
            errors.Add("GitLab:RetryBaseDelay and GitLab:MaxServerRetryDelay must not be negative.");
        }

        if (options.PageSize is < 1 or > 100)
        {
            errors.Add("GitLab:PageSize must be between 1 and 100.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
