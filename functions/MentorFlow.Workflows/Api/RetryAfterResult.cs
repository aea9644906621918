using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace MentorFlow.Workflows.Api;

/// <summary>A result sent with <c>Retry-After</c> and <c>Cache-Control: no-store</c>: a 503 a client should retry.</summary>
public sealed class RetryAfterResult(IResult inner) : IResult
{
    /// <summary>Seconds a client is asked to wait: a restarted local emulator answers again within about two.</summary>
    public const int Seconds = 5;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.RetryAfter = Seconds.ToString(CultureInfo.InvariantCulture);
        httpContext.Response.Headers.CacheControl = "no-store";
        return inner.ExecuteAsync(httpContext);
    }
}
