using MentorFlow.Workflows.Matching;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Cohorts;

/// <summary>
/// Matches the stage's mentees with the mentors who accepted (their capacity left) by optimisation — as many pairs as
/// possible, then the highest total compatibility, never within a management chain — and stores every pair with its
/// explanation and every unmatched mentee with the reason. Runs again after each round of mentor invitations.
/// </summary>
public sealed class MatchCohortActivity(
    IProgramStore programs, ICandidateStore candidates, IApprovalStore approvals, IPairStore pairs, IDirectory directory, IAuditLog audit)
    : TaskActivity<CohortStep, MatchSummary>
{
    /// <inheritdoc />
    public override async Task<MatchSummary> RunAsync(TaskActivityContext context, CohortStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var data = await CohortData.LoadAsync(input.ProgramId, programs, candidates, approvals, pairs);
        var definition = data.Definition;
        var (duration, checkIns) = input.Stage == StageName.Pilot
            ? (definition.Pilot.Duration, definition.Pilot.CheckIns)
            : (definition.Rollout.Duration, definition.Rollout.CheckIns);
        var mentees = data.Mentees(input.Stage);
        var accepted = data.AcceptedMentors(input.Stage);
        if (mentees.Count == 0)
        {
            await pairs.ReplaceAsync(input.ProgramId, input.Stage, [], CancellationToken.None);
            return new MatchSummary(0, 0, 0, accepted.Count, duration, checkIns);
        }

        var (byEmail, byId) = CohortData.Index(await directory.ListUsersAsync(CancellationToken.None));
        var result = MentorMatcher.Solve(
            [.. mentees.Select(m => CohortData.ToMatchPerson(m, byEmail, byId))],
            [.. accepted.Select(a => new MentorSlot(CohortData.ToMatchPerson(a.Mentor, byEmail, byId), a.Mentor.Score ?? 0, a.Capacity))],
            definition.Matching);

        var names = data.Candidates.GroupBy(c => c.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.OrdinalIgnoreCase);
        var byMentee = result.Pairs.ToDictionary(p => p.MenteeEmail, StringComparer.OrdinalIgnoreCase);
        var why = result.Unmatched.ToDictionary(u => u.MenteeEmail, u => u.Reason, StringComparer.OrdinalIgnoreCase);
        var records = mentees
            .OrderBy(m => m.Email.ToLowerInvariant(), StringComparer.Ordinal)
            .Select((mentee, i) => byMentee.TryGetValue(mentee.Email, out var pair)
                ? new PairRecord
                {
                    ProgramId = input.ProgramId,
                    Stage = input.Stage,
                    PairNumber = i + 1,
                    MenteeEmail = mentee.Email,
                    MenteeName = mentee.Name,
                    MentorEmail = pair.MentorEmail,
                    MentorName = names.GetValueOrDefault(pair.MentorEmail) ?? pair.MentorEmail,
                    Compatibility = pair.Compatibility,
                    Explanation = pair.Explanation,
                    MatchedAt = input.At,
                }
                : new PairRecord
                {
                    ProgramId = input.ProgramId,
                    Stage = input.Stage,
                    PairNumber = i + 1,
                    MenteeEmail = mentee.Email,
                    MenteeName = mentee.Name,
                    UnmatchedReason = accepted.Count == 0
                        ? "no mentor has accepted yet"
                        : why.GetValueOrDefault(mentee.Email) ?? "no mentor could be matched",
                    MatchedAt = input.At,
                })
            .ToList();
        await pairs.ReplaceAsync(input.ProgramId, input.Stage, records, CancellationToken.None);

        var matched = records.Count(r => r.IsMatched);
        await audit.AppendAsync(
            input.ProgramId,
            new AuditEntry(input.At, AuditActors.System, "CohortMatched",
                $"{input.Stage}: {Plural.Of(matched, "pair")} matched from {Plural.Of(mentees.Count, "mentee")} and {Plural.Of(accepted.Count, "mentor")} "
                + $"(total compatibility {result.TotalCompatibility:0.###}); {records.Count - matched} unmatched."),
            CancellationToken.None);
        return new MatchSummary(mentees.Count, matched, records.Count - matched, accepted.Count, duration, checkIns);
    }
}
