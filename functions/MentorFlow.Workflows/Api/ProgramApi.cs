using System.Security.Cryptography;
using System.Text.Json;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stages;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace MentorFlow.Workflows.Api;

/// <summary>
/// The HR API's handlers. Both hosts call these same methods: the local host from minimal-API endpoints,
/// the Functions app from its HTTP triggers; each passes its own <see cref="DurableTaskClient"/>.
/// Authentication is the host's job (function keys in Azure, the API key check locally).
/// </summary>
public sealed partial class ProgramApi(IProgramStore store, IAuditLog audit, TimeProvider time, ILogger<ProgramApi> logger)
{
    /// <summary>The largest definition accepted, in bytes.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>The header that makes a retried submission return the first program.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const int MaxIdempotencyKeyLength = 200;

    /// <summary><c>POST /api/programs</c>: validate, store, start the orchestration; 202 with the status URL.</summary>
    public async Task<IResult> CreateAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);

        if (!IsJson(request.ContentType))
        {
            return Problems.Create(
                StatusCodes.Status415UnsupportedMediaType,
                "The program definition must be JSON.",
                $"Send the definition with Content-Type: application/json (got '{request.ContentType ?? "none"}').");
        }

        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return Problems.Create(
                StatusCodes.Status413PayloadTooLarge,
                "The program definition is too large.",
                $"A definition may be at most {MaxBodyBytes / 1024} KB.");
        }

        var parsed = Parse(body);
        if (!parsed.IsValid)
        {
            return Problems.InvalidDefinition(parsed.Problems);
        }

        var definition = parsed.Definition!;
        var programId = ProgramIds.NewId();

        var idempotencyKey = request.Headers[IdempotencyKeyHeader].ToString();
        if (idempotencyKey.Length > 0)
        {
            if (idempotencyKey.Length > MaxIdempotencyKeyLength)
            {
                return Problems.Create(
                    StatusCodes.Status400BadRequest,
                    "The Idempotency-Key header is too long.",
                    $"Use at most {MaxIdempotencyKeyLength} characters, for example a GUID.");
            }

            var requestHash = Convert.ToHexString(SHA256.HashData(body));
            var holder = await store.ClaimIdempotencyKeyAsync(
                new IdempotencyClaim(idempotencyKey, programId, requestHash), cancellationToken);
            if (holder.ProgramId != programId)
            {
                if (holder.RequestHash != requestHash)
                {
                    return Problems.Create(
                        StatusCodes.Status422UnprocessableEntity,
                        "This Idempotency-Key was already used for another definition.",
                        "Send a new Idempotency-Key for a new program.");
                }

                LogReplayedSubmission(logger, holder.ProgramId);
                return await AcceptedExistingAsync(request, client, holder.ProgramId, definition, cancellationToken);
            }
        }

        var now = time.GetUtcNow();
        await store.CreateAsync(ProgramRecord.New(programId, definition.Name, now), definition, cancellationToken);
        await audit.AppendAsync(
            programId,
            new AuditEntry(now, Actor(request, null), "ProgramSubmitted", $"Program '{definition.Name}' submitted."),
            cancellationToken);
        try
        {
            await StartOrchestrationAsync(client, programId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing is lost: the program and its definition are stored; say so, and why it did not start.
            LogStartFailed(logger, e, programId);
            var failed = await store.UpdateAsync(
                programId,
                p => FinishProgramActivity.Finish(p, new ProgramFinish(
                    programId, ProgramStatus.Failed, time.GetUtcNow(), "The workflow could not be started: " + e.Message, "not reached: the program failed")),
                cancellationToken);
            return Problems.Create(
                StatusCodes.Status503ServiceUnavailable,
                "The program was stored but its workflow could not be started.",
                $"Program '{programId}' is marked {failed.Status}; submit the definition again once the service is healthy.");
        }

        LogProgramStarted(logger, programId);
        return Accepted(request, programId);
    }

    /// <summary><c>GET /api/programs</c>: every program, newest first.</summary>
    public async Task<IResult> ListAsync(CancellationToken cancellationToken)
    {
        var programs = await store.ListAsync(cancellationToken);
        return Results.Json(programs, MentorFlowJson.Options);
    }

    /// <summary><c>GET /api/programs/{id}</c>: status, stages, what it waits for, counts.</summary>
    public async Task<IResult> GetAsync(DurableTaskClient client, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var program = ProgramIds.IsWellFormed(id) ? await store.GetAsync(id, cancellationToken) : null;
        if (program is null)
        {
            return Problems.NotFound($"There is no program with id '{id}'.");
        }

        if (!program.Status.IsTerminal())
        {
            program = await ReconcileWithOrchestrationAsync(client, program, cancellationToken);
        }

        return Results.Json(program, MentorFlowJson.Options);
    }

    /// <summary>
    /// <c>POST /api/programs/{id}/cancel</c> with <c>{ "by": "who", "reason": "why" }</c>: records who cancelled and when,
    /// then ends every orchestration of the program (its own, its stages', its approvals' and pledges'). The record says
    /// Cancelled before anything is terminated, so an activity that is already running sends nothing
    /// (<see cref="Email.RunningProgramEmailSender"/>). A blank or missing <c>by</c> is refused.
    /// </summary>
    public async Task<IResult> CancelAsync(HttpRequest request, DurableTaskClient client, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var program = ProgramIds.IsWellFormed(id) ? await store.GetAsync(id, cancellationToken) : null;
        if (program is null)
        {
            return Problems.NotFound($"There is no program with id '{id}'.");
        }

        if (program.Status.IsTerminal())
        {
            // A cancel that stored Cancelled and then lost the engine is finished by asking again.
            await TerminateAllAsync(client, id, program.Reason ?? $"Program {program.Status}.", cancellationToken);
            return AlreadyEnded(program);
        }

        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return Problems.Create(StatusCodes.Status413PayloadTooLarge, "The cancel request is too large.", CancelBodyHint);
        }

        CancelRequest? cancel;
        try
        {
            cancel = body.Length > 0 ? JsonSerializer.Deserialize<CancelRequest>(body, MentorFlowJson.Options) : null;
        }
        catch (JsonException)
        {
            return Problems.Create(
                StatusCodes.Status400BadRequest,
                "The cancel request is not valid JSON.",
                CancelBodyHint);
        }

        if (string.IsNullOrWhiteSpace(cancel?.By))
        {
            return Problems.Create(
                StatusCodes.Status400BadRequest,
                "Say who cancels the program.",
                CancelBodyHint,
                [new DefinitionProblem("by", "Required: the name of the person who cancels; it is recorded in the audit log.")]);
        }

        var actor = Actor(request, cancel.By);
        var now = time.GetUtcNow();
        var reason = string.IsNullOrWhiteSpace(cancel.Reason) ? $"Cancelled by {actor}." : cancel.Reason.Trim();

        var stored = await store.UpdateAsync(
            id,
            p => p.Status.IsTerminal()
                ? p
                : FinishProgramActivity.Finish(p, new ProgramFinish(id, ProgramStatus.Cancelled, now, reason, "cancelled"))
                    with { CancelledBy = actor, CancelledAt = now },
            cancellationToken);
        if (stored.Status != ProgramStatus.Cancelled || stored.CancelledAt != now)
        {
            return AlreadyEnded(stored);
        }

        await audit.AppendAsync(id, new AuditEntry(now, actor, "ProgramCancelled", reason), cancellationToken);
        var termination = await TerminateAllAsync(client, id, reason, cancellationToken);
        LogProgramCancelled(logger, id, termination.Terminated);
        return Results.Json(stored, MentorFlowJson.Options);
    }

    /// <summary><c>GET /api/programs/{id}/audit</c>: the audit log, oldest first.</summary>
    public async Task<IResult> GetAuditAsync(string id, CancellationToken cancellationToken)
    {
        var program = ProgramIds.IsWellFormed(id) ? await store.GetAsync(id, cancellationToken) : null;
        if (program is null)
        {
            return Problems.NotFound($"There is no program with id '{id}'.");
        }

        var entries = await audit.ListAsync(id, cancellationToken);
        return Results.Json(entries, MentorFlowJson.Options);
    }

    private const string CancelBodyHint = "Send { \"by\": \"who cancels\", \"reason\": \"why\" } (the reason is optional).";

    /// <summary>How long a cancel waits for the program's running instances to end before it answers.</summary>
    private static readonly TimeSpan TerminationSettle = TimeSpan.FromSeconds(10);

    private async Task<ProgramTermination> TerminateAllAsync(DurableTaskClient client, string id, string reason, CancellationToken cancellationToken)
    {
        var termination = await ProgramInstances.TerminateAllAsync(client, id, reason, time, TerminationSettle, cancellationToken);
        if (!termination.Settled)
        {
            // Not lost: whatever still runs sends nothing (the record is terminal), and a second cancel terminates again.
            LogTerminationUnsettled(logger, id, TerminationSettle.TotalSeconds);
        }

        return termination;
    }

    private static DefinitionParseResult Parse(byte[] body) =>
        ProgramDefinitionParser.Parse(System.Text.Encoding.UTF8.GetString(body));

    private async Task<IResult> AcceptedExistingAsync(
        HttpRequest request, DurableTaskClient client, string programId, ProgramDefinition definition, CancellationToken cancellationToken)
    {
        // The first submission may have died between claiming the key and starting: finish its work now.
        if (await store.GetAsync(programId, cancellationToken) is null)
        {
            var now = time.GetUtcNow();
            await store.CreateAsync(ProgramRecord.New(programId, definition.Name, now), definition, cancellationToken);
            await audit.AppendAsync(
                programId,
                new AuditEntry(now, Actor(request, null), "ProgramSubmitted", $"Program '{definition.Name}' submitted."),
                cancellationToken);
        }

        if (await client.GetInstanceAsync(programId, getInputsAndOutputs: false, cancellationToken) is null)
        {
            await StartOrchestrationAsync(client, programId, cancellationToken);
        }

        return Accepted(request, programId);
    }

    private static Task StartOrchestrationAsync(DurableTaskClient client, string programId, CancellationToken cancellationToken) =>
        client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ProgramOrchestrator),
            new ProgramOrchestrationInput(programId),
            new Microsoft.DurableTask.StartOrchestrationOptions(InstanceId: programId),
            cancellationToken);

    private async Task<ProgramRecord> ReconcileWithOrchestrationAsync(
        DurableTaskClient client, ProgramRecord program, CancellationToken cancellationToken)
    {
        // An orchestration that crashed outside a stage cannot write its own failure: show it from the engine.
        var instance = await client.GetInstanceAsync(program.Id, getInputsAndOutputs: false, cancellationToken);
        if (instance?.RuntimeStatus != OrchestrationRuntimeStatus.Failed)
        {
            return program;
        }

        var reason = instance.FailureDetails?.ErrorMessage ?? "The workflow failed.";
        var at = instance.LastUpdatedAt;
        return await store.UpdateAsync(
            program.Id,
            p => p.Status.IsTerminal()
                ? p
                : FinishProgramActivity.Finish(p, new ProgramFinish(p.Id, ProgramStatus.Failed, at, reason, "not reached: the program failed")),
            cancellationToken);
    }

    private static IResult Accepted(HttpRequest request, string programId)
    {
        var statusUrl = $"{request.Scheme}://{request.Host}{request.PathBase}/{ApiRoutes.Prefix}/programs/{programId}";
        request.HttpContext.Response.Headers.Location = statusUrl;
        return Results.Json(new ProgramCreated(programId, statusUrl), MentorFlowJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult AlreadyEnded(ProgramRecord program) => Problems.Create(
        StatusCodes.Status409Conflict,
        "The program has already ended.",
        $"Program '{program.Id}' is {program.Status}; only a running program can be cancelled.");

    // App Service authentication puts the signed-in user here; otherwise the caller may name themselves.
    private static string Actor(HttpRequest request, string? claimed)
    {
        var principal = request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"].ToString();
        if (principal.Length > 0)
        {
            return principal;
        }

        return string.IsNullOrWhiteSpace(claimed) ? AuditActors.ApiCaller : claimed.Trim();
    }

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var type = media.MediaType.Value ?? "";
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The body, or null when it is larger than <see cref="MaxBodyBytes"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Program {ProgramId} submitted and started")]
    private static partial void LogProgramStarted(ILogger logger, string programId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission replayed by Idempotency-Key: program {ProgramId}")]
    private static partial void LogReplayedSubmission(ILogger logger, string programId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Program {ProgramId} was stored but its orchestration could not be scheduled")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string programId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Program {ProgramId} cancelled; {Instances} orchestration instances terminated")]
    private static partial void LogProgramCancelled(ILogger logger, string programId, int instances);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Program {ProgramId} cancelled, but some of its orchestrations were still running after {Seconds} s")]
    private static partial void LogTerminationUnsettled(ILogger logger, string programId, double seconds);
}
