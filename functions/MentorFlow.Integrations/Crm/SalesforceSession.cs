using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Crm;

/// <summary>
/// A Salesforce access token from the OAuth 2.0 client credentials flow (<c>POST {LoginUrl}/services/oauth2/token</c>)
/// and the instance URL it names. Salesforce does not say when the token expires (the org's session timeout decides),
/// so it is kept for <see cref="Lifetime"/> and renewed early when Salesforce answers 401.
/// </summary>
internal sealed class SalesforceSession(IHttpClientFactory httpClientFactory, IOptions<CrmOptions> options, TimeProvider time) : IDisposable
{
    internal const string TokenClientName = "MentorFlow.Crm.Salesforce.Token";
    internal static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private readonly SemaphoreSlim gate = new(1, 1);
    private Token? current;

    public async Task<Token> GetAsync(CancellationToken cancellationToken)
    {
        if (current is { } token && time.GetUtcNow() - token.IssuedAt < Lifetime)
        {
            return token;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is not { } cached || time.GetUtcNow() - cached.IssuedAt >= Lifetime)
            {
                current = await RequestAsync(cancellationToken);
            }

            return current;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets <paramref name="rejected"/> (Salesforce answered 401 to it), so the next call asks for a new one.</summary>
    public void Invalidate(Token rejected) => Interlocked.CompareExchange(ref current, null, rejected);

    public void Dispose() => gate.Dispose();

    private async Task<Token> RequestAsync(CancellationToken cancellationToken)
    {
        var salesforce = options.Value.Salesforce;
        var url = new Uri($"{(salesforce.LoginUrl ?? salesforce.InstanceUrl)!.GetLeftPart(UriPartial.Authority)}/services/oauth2/token");
        using var form = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", salesforce.ClientId ?? ""),
            new("client_secret", salesforce.ClientSecret ?? ""),
        ]);
        using var response = await httpClientFactory.CreateClient(TokenClientName).PostAsync(url, form, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var failure = await CrmHttp.FailureAsync("Salesforce", response, "POST", url, cancellationToken);
            throw new HttpRequestException(
                $"{failure.Message} Check {CrmOptions.Section}:Salesforce:ClientId and ClientSecret, and that the connected app enables the client credentials flow with a run-as user.",
                null,
                failure.StatusCode);
        }

        CrmHttp.EnsureJson("Salesforce", response, url);
        try
        {
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var root = json.RootElement;
            var accessToken = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("access_token", out var a) && a.ValueKind == JsonValueKind.String
                ? a.GetString()
                : null;
            if (string.IsNullOrEmpty(accessToken))
            {
                throw CrmHttp.Malformed("Salesforce", url, "has no access_token");
            }

            // The API lives where the token says; without instance_url, the configured one.
            var instance = root.TryGetProperty("instance_url", out var i) && i.ValueKind == JsonValueKind.String
                && Uri.TryCreate(i.GetString(), UriKind.Absolute, out var named)
                ? named
                : salesforce.InstanceUrl!;
            return new Token(accessToken, new Uri(instance.GetLeftPart(UriPartial.Authority)), time.GetUtcNow());
        }
        catch (JsonException e)
        {
            throw CrmHttp.Malformed("Salesforce", url, $"is not JSON: {e.Message}", e);
        }
    }

    /// <summary>An access token, the instance whose API it opens, and when it was issued.</summary>
    internal sealed record Token(string AccessToken, Uri InstanceUrl, DateTimeOffset IssuedAt);
}
