using MentorFlow.Integrations.SendGridEvents;
using MentorFlow.Workflows.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions;

/// <summary>
/// The HR API as HTTP triggers: each one hands its request to the same <see cref="ProgramApi"/> handler the local
/// host calls. Function keys (AuthorizationLevel.Function) guard every route but the readiness probe.
/// Routes and methods must match <see cref="ApiRoutes"/>; a test compares them with the published metadata.
/// </summary>
public sealed class ProgramHttpFunctions(ProgramApi api)
{
    [Function(nameof(ApiRoutes.CreateProgram))]
    public async Task<IActionResult> CreateProgram(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "programs")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await api.CreateAsync(request, client, cancellationToken));

    [Function(nameof(ApiRoutes.ListPrograms))]
    public async Task<IActionResult> ListPrograms(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "programs")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await api.ListAsync(cancellationToken));

    [Function(nameof(ApiRoutes.GetProgram))]
    public async Task<IActionResult> GetProgram(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "programs/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await api.GetAsync(client, id, cancellationToken));

    [Function(nameof(ApiRoutes.CancelProgram))]
    public async Task<IActionResult> CancelProgram(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "programs/{id}/cancel")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await api.CancelAsync(request, client, id, cancellationToken));

    [Function(nameof(ApiRoutes.GetProgramAudit))]
    public async Task<IActionResult> GetProgramAudit(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "programs/{id}/audit")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await api.GetAuditAsync(id, cancellationToken));

    [Function(nameof(ApiRoutes.GetProgramCandidates))]
    public static async Task<IActionResult> GetProgramCandidates(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "programs/{id}/candidates")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var criteria = request.HttpContext.RequestServices.GetRequiredService<CriteriaApi>();
        return new ResultActionResult(await criteria.CandidatesAsync(request, id, cancellationToken));
    }

    [Function(nameof(ApiRoutes.GetProgramNominations))]
    public static async Task<IActionResult> GetProgramNominations(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "programs/{id}/nominations")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var criteria = request.HttpContext.RequestServices.GetRequiredService<CriteriaApi>();
        return new ResultActionResult(await criteria.NominationsAsync(request, id, cancellationToken));
    }

    [Function(nameof(ApiRoutes.Health))]
    public static async Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var health = request.HttpContext.RequestServices.GetRequiredService<HealthApi>();
        return new ResultActionResult(await health.CheckAsync(client, cancellationToken));
    }

    [Function(nameof(ApiRoutes.ShowApproval))]
    public static async Task<IActionResult> ShowApproval(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "approvals/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var approvals = request.HttpContext.RequestServices.GetRequiredService<ApprovalApi>();
        return new ResultActionResult(await approvals.ShowAsync(request, token, cancellationToken));
    }

    [Function(nameof(ApiRoutes.DecideApproval))]
    public static async Task<IActionResult> DecideApproval(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "approvals/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var approvals = request.HttpContext.RequestServices.GetRequiredService<ApprovalApi>();
        return new ResultActionResult(await approvals.DecideAsync(request, client, token, cancellationToken));
    }

    [Function(nameof(ApiRoutes.SendGridEvents))]
    public static async Task<IActionResult> SendGridEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sendgrid/events")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var endpoint = request.HttpContext.RequestServices.GetRequiredService<SendGridEventsEndpoint>();
        return new ResultActionResult(await endpoint.ReceiveAsync(request, client, cancellationToken));
    }
}
