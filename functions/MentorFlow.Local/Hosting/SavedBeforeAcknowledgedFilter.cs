using System.Diagnostics;

namespace MentorFlow.Local.Hosting;

/// <summary>
/// On the routes that write (every POST: a submission's 202, "Decision recorded", a check-in, a story, a cancel), the
/// answer goes out only once the host's own Azurite has saved what the handler wrote to its files, so an acknowledged
/// write survives a <c>kill -9</c> of Azurite (see <see cref="Storage.AzuriteSaves"/>). Configured storage (a
/// connection string) is durable on its own and is not waited for.
/// </summary>
internal sealed partial class SavedBeforeAcknowledgedFilter(LocalStorage storage, ILogger<SavedBeforeAcknowledgedFilter> logger) : IEndpointFilter
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var result = await next(context);
        if (storage.Emulator is not { } azurite)
        {
            return result;
        }

        // The handler's storage calls have all returned: Azurite has applied them, in memory at least.
        var since = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        if (await azurite.WaitUntilSavedAsync(since, Timeout, context.HttpContext.RequestAborted))
        {
            LogSaved(logger, clock.Elapsed.TotalMilliseconds);
        }
        else
        {
            LogNotConfirmed(logger, Timeout.TotalSeconds);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Azurite saved the write in {ElapsedMs:0} ms")]
    private static partial void LogSaved(ILogger logger, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azurite did not confirm within {TimeoutSeconds:0} s that the write is saved to disk; answering anyway (a crash of Azurite right now could lose it)")]
    private static partial void LogNotConfirmed(ILogger logger, double timeoutSeconds);
}
