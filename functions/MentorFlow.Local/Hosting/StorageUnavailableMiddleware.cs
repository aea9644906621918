using MentorFlow.Integrations.Storage;

namespace MentorFlow.Local.Hosting;

/// <summary>
/// The local host's one place for storage failures: a route whose storage call failed (emulator down, restarting,
/// timing out) answers 503 problem+json with <c>Retry-After</c> and the host logs one line, not a stack trace.
/// The Functions app has the same mapping in its worker middleware.
/// </summary>
internal sealed partial class StorageUnavailableMiddleware(RequestDelegate next, ILogger<StorageUnavailableMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (StorageFailures.IsStorageUnavailable(e) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // The route's name, not its path: paths of the email links carry signed tokens.
            var route = context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "(no route)";
            LogUnavailable(logger, context.Request.Method, route, e.GetType().Name, e.Message.Split('\n')[0]);
            context.Response.Clear();
            await StorageFailures.Unavailable().ExecuteAsync(context);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Route}: storage unavailable, answered 503 ({Exception}: {Reason})")]
    private static partial void LogUnavailable(ILogger logger, string method, string route, string exception, string reason);
}
