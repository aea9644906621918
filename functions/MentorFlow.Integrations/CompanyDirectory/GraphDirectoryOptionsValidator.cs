using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.CompanyDirectory;

/// <summary>Checks <c>MentorFlow:Directory:Graph</c> at start-up when the provider is Graph, naming each setting to fix.</summary>
internal sealed class GraphDirectoryOptionsValidator : IValidateOptions<DirectoryOptions>
{
    private const string Prefix = DirectoryOptions.Section + ":Graph";

    public ValidateOptionsResult Validate(string? name, DirectoryOptions options)
    {
        if (!GraphDirectory.IsProvider(options.Provider))
        {
            return ValidateOptionsResult.Skip;
        }

        var graph = options.Graph ?? new();
        var problems = new List<string>();
        if (graph.BaseUrl is not { IsAbsoluteUri: true } baseUrl || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{Prefix}:BaseUrl must be an absolute https URL such as https://graph.microsoft.com/v1.0.");
        }

        if (!string.IsNullOrWhiteSpace(graph.ClientSecret) && (string.IsNullOrWhiteSpace(graph.TenantId) || string.IsNullOrWhiteSpace(graph.ClientId)))
        {
            problems.Add($"With {Prefix}:ClientSecret set, also set {Prefix}:TenantId and {Prefix}:ClientId (or remove the secret to use managed identity).");
        }

        if (graph.CacheDuration < TimeSpan.Zero)
        {
            problems.Add($"{Prefix}:CacheDuration may not be negative (00:00:00 loads the users on every call).");
        }

        if (graph.MaxRetries is < 0 or > 10)
        {
            problems.Add($"{Prefix}:MaxRetries must be between 0 and 10.");
        }

        if (graph.RetryDelaySeconds is < 0 or > 180)
        {
            problems.Add($"{Prefix}:RetryDelaySeconds must be between 0 and 180.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
