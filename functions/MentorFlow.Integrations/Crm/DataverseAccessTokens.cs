using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Crm;

/// <summary>
/// The Dataverse bearer token for the scope <c>{Url}/.default</c>, kept until five minutes before it expires: some
/// credentials (the Azure CLI's) do not cache, and a load sends a request per page.
/// </summary>
internal sealed class DataverseAccessTokens(
    [FromKeyedServices(CrmServiceCollectionExtensions.DataverseCredentialKey)] TokenCredential credential,
    IOptions<CrmOptions> options,
    TimeProvider time) : IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim gate = new(1, 1);
    private AccessToken? current;

    public string Scope { get; } = $"{options.Value.Dataverse.Url?.GetLeftPart(UriPartial.Authority)}/.default";

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (current is { } token && token.ExpiresOn - RefreshMargin > time.GetUtcNow())
        {
            return token.Token;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is not { } cached || cached.ExpiresOn - RefreshMargin <= time.GetUtcNow())
            {
                current = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
            }

            return current.Value.Token;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
