namespace MentorFlow.Local.Tests.Api;

/// <summary>The headers every page behind a token link must carry as HTTP headers (meta tags are not enough).</summary>
internal static class TokenPageHeaders
{
    public static void AssertPresent(HttpResponseMessage response)
    {
        var what = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} ({(int)response.StatusCode})";
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{what}: Cache-Control is '{response.Headers.CacheControl}', not no-store");
        Assert.Equal("DENY", Single(response, "X-Frame-Options", what));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy", what));
        var policy = Single(response, "Content-Security-Policy", what);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
    }

    private static string Single(HttpResponseMessage response, string header, string what)
    {
        Assert.True(response.Headers.TryGetValues(header, out var values), $"{what}: no {header} header");
        return Assert.Single(values);
    }
}
