using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.AspNetCore.Http;

namespace MentorFlow.Workflows.Api;

/// <summary>
/// <c>GET /api/programs/{id}/candidates</c> and <c>/nominations</c>: who was evaluated and why, and what the sales
/// leaders decided. Both page with <c>?top=&amp;skip=</c>.
/// </summary>
public sealed class CriteriaApi(IProgramStore programs, ICandidateStore candidates, IApprovalStore approvals)
{
    public async Task<IResult> CandidatesAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await FindAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }

        if (!ApiPaging.TryRead(request, out var skip, out var top, out var problem))
        {
            return problem!;
        }

        var (total, items) = await candidates.ListAsync(id, skip, top, cancellationToken);
        var decisions = (await approvals.ListAsync(id, cancellationToken))
            .Where(a => a.Kind == ApprovalKind.Nomination && a.SubjectEmail is not null)
            .ToDictionary(a => a.SubjectEmail!, a => a.Status.ToString(), StringComparer.OrdinalIgnoreCase);
        var shown = items.Select(c => c with { Decision = c.Nominated ? decisions.GetValueOrDefault(c.Email) : null }).ToList();
        return Results.Json(new { total, skip, top, items = shown }, MentorFlowJson.Options);
    }

    public async Task<IResult> NominationsAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await FindAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }

        if (!ApiPaging.TryRead(request, out var skip, out var top, out var problem))
        {
            return problem!;
        }

        var nominations = (await approvals.ListAsync(id, cancellationToken)).Where(a => a.Kind == ApprovalKind.Nomination).ToList();
        var items = nominations.Skip(skip).Take(top).Select(a => new
        {
            nominee = a.SubjectEmail,
            title = a.Title,
            approver = a.Approver?.Email,
            status = a.Status.ToString(),
            decidedBy = a.DecidedBy,
            decidedAt = a.DecidedAt,
            comment = a.Comment,
            dueAt = a.DueAt,
        });
        return Results.Json(new { total = nominations.Count, skip, top, items }, MentorFlowJson.Options);
    }

    private async Task<IResult?> FindAsync(string id, CancellationToken cancellationToken) =>
        ProgramIds.IsWellFormed(id) && await programs.GetAsync(id, cancellationToken) is not null
            ? null
            : Problems.NotFound($"There is no program with id '{id}'.");
}
