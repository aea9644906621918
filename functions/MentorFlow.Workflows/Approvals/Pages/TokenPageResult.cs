using Microsoft.AspNetCore.Http;

namespace MentorFlow.Workflows.Approvals.Pages;

/// <summary>
/// A page behind a token link (approval, check-in, story), success or error, with the headers every such page needs.
/// The token is the credential and sits in the URL, so the page must not be cached (a shared computer's history or a
/// proxy would keep a page that decides), framed (clickjacking a one-click decision) or leak its URL in a Referer.
/// Both hosts run handler results as they are, so these headers reach the Functions app and the local host alike.
/// </summary>
internal sealed class TokenPageResult(int statusCode, string html) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    /// <summary>The page's policy as a header: the meta tag's directives and <c>frame-ancestors</c>, which a meta tag cannot carry.</summary>
    public const string ContentSecurityPolicy = HtmlPage.ContentSecurityPolicy + "; frame-ancestors 'none'";

    /// <inheritdoc />
    public int? StatusCode => statusCode;

    /// <inheritdoc />
    public string ContentType => "text/html; charset=utf-8";

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";

        var body = System.Text.Encoding.UTF8.GetBytes(html);
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
