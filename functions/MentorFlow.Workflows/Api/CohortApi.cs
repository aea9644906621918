using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.AspNetCore.Http;

namespace MentorFlow.Workflows.Api;

/// <summary>
/// <c>GET /api/programs/{id}/pairs</c>, <c>/checkins</c>, <c>/stories</c> and <c>/pledges</c>: what the Sponsorship,
/// Pilot, Rollout and Stories stages gathered. Each pages its items with <c>?top=&amp;skip=</c>; the totals and
/// summary figures count every item, not just the page.
/// </summary>
public sealed class CohortApi(
    IProgramStore programs,
    IPairStore pairs,
    ICheckInStore checkIns,
    IStoryStore stories,
    IApprovalStore approvals)
{
    public async Task<IResult> PairsAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (refused, skip, top) = await CheckAsync(request, id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var all = await pairs.ListAsync(id, cancellationToken);
        var items = all.Skip(skip).Take(top).Select(p => new
        {
            stage = p.Stage,
            pairNumber = p.PairNumber,
            mentee = new { email = p.MenteeEmail, name = p.MenteeName },
            mentor = p.MentorEmail is null ? null : new { email = p.MentorEmail, name = p.MentorName ?? p.MentorEmail },
            compatibility = p.Compatibility,
            explanation = p.Explanation,
            unmatchedReason = p.UnmatchedReason,
            matchedAt = p.MatchedAt,
            kickedOffAt = p.KickedOffAt,
        });
        return Results.Json(new { total = all.Count, skip, top, items }, MentorFlowJson.Options);
    }

    public async Task<IResult> CheckInsAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (refused, skip, top) = await CheckAsync(request, id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var all = await checkIns.ListAsync(id, cancellationToken);
        var ratings = all.Where(c => c is { Answered: true, Rating: not null }).Select(c => c.Rating!.Value).ToList();
        var items = all.Skip(skip).Take(top).Select(c => new
        {
            checkInId = c.CheckInId,
            stage = c.Stage,
            round = c.Round,
            pairNumber = c.PairNumber,
            role = c.Role,
            participant = new { email = c.ParticipantEmail, name = c.ParticipantName },
            partner = c.PartnerName,
            rating = c.Rating,
            comment = c.Comment,
            sentAt = c.SentAt,
            dueAt = c.DueAt,
            respondedAt = c.RespondedAt,
        });
        return Results.Json(
            new
            {
                total = all.Count,
                answered = ratings.Count,
                averageRating = ratings.Count == 0 ? (double?)null : Math.Round(ratings.Average(), 2),
                alerts = ratings.Count(r => r <= CheckInAnswer.AlertAtOrBelow),
                skip,
                top,
                items,
            },
            MentorFlowJson.Options);
    }

    public async Task<IResult> StoriesAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (refused, skip, top) = await CheckAsync(request, id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var all = await stories.ListAsync(id, cancellationToken);

        // A story shows once it was told (the sponsor's is stored published); requests still open are only counted.
        var told = all.Where(s => s.SubmittedAt is not null || s.Status != StoryStatus.Requested).ToList();
        var items = told.Skip(skip).Take(top).Select(s => new
        {
            storyId = s.StoryId,
            role = s.Role,
            participant = new { email = s.ParticipantEmail, name = s.ParticipantName },
            status = s.Status,
            story = s.Story,
            bestPractice = s.BestPractice,
            consentToShare = s.ConsentToShare,
            suggestion = s.Suggestion,
            submittedAt = s.SubmittedAt,
        });
        var nextCohort = await stories.ListNextCohortAsync(id, cancellationToken);
        return Results.Json(
            new
            {
                total = told.Count,
                requested = all.Count,
                published = all.Count(s => s.Status == StoryStatus.Published),
                skip,
                top,
                items,
                nextCohort,
            },
            MentorFlowJson.Options);
    }

    public async Task<IResult> PledgesAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (refused, skip, top) = await CheckAsync(request, id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var pledges = (await approvals.ListAsync(id, cancellationToken)).Where(a => a.Kind == ApprovalKind.Pledge).ToList();
        var items = pledges.Skip(skip).Take(top).Select(a => new
        {
            leader = a.Approver is { } leader
                ? new { email = leader.Email, name = leader.Name }
                : new { email = a.SubjectEmail ?? "", name = a.SubjectEmail ?? "" },
            status = PledgeStatus(a.Status),
            decidedAt = a.DecidedAt,
            comment = a.Comment,
            dueAt = a.DueAt,
        });
        return Results.Json(
            new
            {
                total = pledges.Count,
                pledged = pledges.Count(a => a.Status == ApprovalStatus.Approved),
                declined = pledges.Count(a => a.Status == ApprovalStatus.Declined),
                pending = pledges.Count(a => a.Status == ApprovalStatus.Pending),
                skip,
                top,
                items,
            },
            MentorFlowJson.Options);
    }

    // Approving a pledge request is pledging.
    private static string PledgeStatus(ApprovalStatus status) => status switch
    {
        ApprovalStatus.Approved => "Pledged",
        _ => status.ToString(),
    };

    // An unknown program is 404 before the paging is looked at, as in CriteriaApi.
    private async Task<(IResult? Refused, int Skip, int Top)> CheckAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!ProgramIds.IsWellFormed(id) || await programs.GetAsync(id, cancellationToken) is null)
        {
            return (Problems.NotFound($"There is no program with id '{id}'."), 0, 0);
        }

        return ApiPaging.TryRead(request, out var skip, out var top, out var problem) ? (null, skip, top) : (problem, 0, 0);
    }
}
