using System.Net.Http.Headers;

namespace MentorFlow.Integrations.Crm;

/// <summary>Puts the Dataverse bearer token on each attempt (a retry after a long Retry-After gets a fresh one if needed).</summary>
internal sealed class DataverseAuthorizationHandler(DataverseAccessTokens tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
