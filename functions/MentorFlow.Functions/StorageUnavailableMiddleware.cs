using MentorFlow.Integrations.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace MentorFlow.Functions;

/// <summary>
/// The Functions app's one place for storage failures, as the local host's middleware: an HTTP trigger whose storage
/// call failed answers 503 problem+json with <c>Retry-After</c> (<see cref="StorageFailures"/>), not an empty 500.
/// Other triggers (orchestrations, activities) rethrow, so the durable engine retries them as before.
/// </summary>
internal sealed partial class StorageUnavailableMiddleware(ILogger<StorageUnavailableMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception e) when (StorageFailures.IsStorageUnavailable(e) && context.GetHttpContext() is { Response.HasStarted: false } http)
        {
            LogUnavailable(logger, context.FunctionDefinition.Name, e.GetType().Name, e.Message.Split('\n')[0]);
            http.Response.Clear();
            await StorageFailures.Unavailable().ExecuteAsync(http);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function}: storage unavailable, answered 503 ({Exception}: {Reason})")]
    private static partial void LogUnavailable(ILogger logger, string function, string exception, string reason);
}
