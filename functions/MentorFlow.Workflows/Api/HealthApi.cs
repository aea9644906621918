using MentorFlow.Workflows.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace MentorFlow.Workflows.Api;

/// <summary>
/// <c>GET /api/health</c>, a readiness check both hosts share: one authenticated read of MentorFlow's tables and one
/// instance lookup through the durable client (the task hub's own storage). 200 when both answered, else 503
/// problem+json naming what is down, with <c>Retry-After</c>. Each check has a short deadline, so the answer comes
/// within seconds even when storage hangs.
/// </summary>
public sealed partial class HealthApi(IStorageProbe storage, ILogger<HealthApi> logger)
{
    /// <summary>How long each check may take before it counts as down.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    /// <summary>An instance id no program has (ids are <c>prg-…</c>): looking it up reads the task hub's instance table.</summary>
    private const string ProbeInstanceId = "health-probe";

    public const string Storage = "storage";

    public const string DurableEngine = "durableEngine";

    public async Task<IResult> CheckAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var storageCheck = RunAsync(Storage, ct => storage.CheckAsync(ct), cancellationToken);
        var durableCheck = RunAsync(DurableEngine, ct => client.GetInstanceAsync(ProbeInstanceId, getInputsAndOutputs: false, ct), cancellationToken);
        var results = await Task.WhenAll(storageCheck, durableCheck);

        var checks = results.ToDictionary(r => r.Name, r => r.Problem is null ? "Healthy" : "Unhealthy", StringComparer.Ordinal);
        var down = results.Where(r => r.Problem is not null).ToList();
        if (down.Count == 0)
        {
            return Results.Json(new HealthReport("Healthy", checks), MentorFlowJson.Options);
        }

        var detail = string.Join("; ", down.Select(r => $"{r.Name} is down: {r.Problem}"));
        LogNotReady(logger, detail);
        return new RetryAfterResult(Results.Json(
            new HealthProblem(
                "https://tools.ietf.org/html/rfc9110#section-15.6.4",
                "MentorFlow is not ready.",
                StatusCodes.Status503ServiceUnavailable,
                detail,
                checks),
            MentorFlowJson.Options,
            Problems.ContentType,
            StatusCodes.Status503ServiceUnavailable));
    }

    private static async Task<(string Name, string? Problem)> RunAsync(
        string name, Func<CancellationToken, Task> check, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(CheckTimeout);
        try
        {
            // WaitAsync as well: not every client call honours its token (DurableTask.Core's state query takes none).
            await check(deadline.Token).WaitAsync(CheckTimeout, cancellationToken);
            return (name, null);
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (name, $"no answer within {CheckTimeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (name, FirstLine(e));
        }
    }

    private static string FirstLine(Exception e)
    {
        var innermost = e;
        while (innermost.InnerException is not null && innermost is AggregateException or { Message.Length: 0 })
        {
            innermost = innermost.InnerException;
        }

        var message = innermost.Message;
        var newline = message.IndexOfAny(['\r', '\n']);
        return $"{innermost.GetType().Name}: {(newline < 0 ? message : message[..newline])}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not ready: {Detail}")]
    private static partial void LogNotReady(ILogger logger, string detail);

    /// <summary>The 200 body: every check healthy.</summary>
    public sealed record HealthReport(string Status, IReadOnlyDictionary<string, string> Checks);

    /// <summary>The 503 body: a problem document that also lists each check's state.</summary>
    public sealed record HealthProblem(string Type, string Title, int Status, string Detail, IReadOnlyDictionary<string, string> Checks);
}
