using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace MentorFlow.Workflows.Dashboard;

/// <summary>Writes one dashboard file with its caching and security headers, or 304 when the client's copy is current.</summary>
internal sealed class DashboardAssetResult(DashboardAsset asset) : IResult
{
    // The page loads only its own files and talks only to its own API. Styles may be inline because the outbox shows
    // MentorFlow's emails (inline-styled HTML) in a sandboxed frame that inherits this policy; no script is inline.
    private const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
        + "frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var headers = response.Headers;

        // no-cache: the browser keeps the file but asks every time; the ETag makes an unchanged file a 304.
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        headers.XContentTypeOptions = "nosniff";
        if (asset.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = PagePolicy;
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
        }

        if (IsCurrent(httpContext.Request))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        return response.Body.WriteAsync(asset.Content, httpContext.RequestAborted).AsTask();
    }

    private bool IsCurrent(HttpRequest request) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Equals(asset.ETag, StringComparison.Ordinal));
}
