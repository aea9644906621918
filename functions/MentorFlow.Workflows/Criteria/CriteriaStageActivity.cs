using System.Globalization;
using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.CompanyDirectory;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stages;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Criteria;

/// <summary>
/// The Criteria stage's work: read the directory and the CRM, compute every person's metrics, evaluate the rules,
/// rank and explain, store the candidates, and prepare one nomination approval per nominee, grouped by the sales
/// leader who decides (the nominee's manager, or skip-level manager; the program manager for nominees without one).
/// Returns counts and the approval batches — ids only, never the candidate list.
/// </summary>
public sealed class CriteriaStageActivity(
    IProgramStore programs,
    IDirectory directory,
    IPerformanceSource performance,
    ICandidateStore candidates,
    IApprovalStore approvals,
    IAuditLog audit) : TaskActivity<StageInput, StageResult>
{
    /// <inheritdoc />
    public override async Task<StageResult> RunAsync(TaskActivityContext context, StageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var program = await programs.GetAsync(input.ProgramId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input.ProgramId} does not exist.");
        var definition = await programs.GetDefinitionAsync(input.ProgramId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input.ProgramId} has no stored definition.");

        var window = MetricsCalculator.Window(program.CreatedAt, definition.Criteria.PerformanceWindow);
        var users = await directory.ListUsersAsync(CancellationToken.None);
        var opportunities = await performance.GetOpportunitiesAsync(window, CancellationToken.None);
        var quotas = await performance.GetQuotasAsync(window, CancellationToken.None);
        var metrics = MetricsCalculator.Compute(users, opportunities, quotas, window);
        var evaluated = CandidateEvaluator.Evaluate(definition, users, metrics);
        await candidates.SaveAsync(input.ProgramId, [.. evaluated.Select(c => CandidateView.From(c))], CancellationToken.None);

        var nominees = evaluated.Where(c => c.Nominated).OrderBy(c => c.Rank).ToList();
        var eligibleMentees = evaluated.Count(c => c.Pool == CandidatePool.Mentee && c.Eligible);
        var batches = await PrepareNominationsAsync(input.ProgramId, definition, users, nominees, eligibleMentees);

        var mentors = evaluated.Count(c => c.Pool == CandidatePool.Mentor);
        var summary = $"{Plural.Of(metrics.Count, "person", "people")} evaluated ({window.Start:yyyy-MM-dd} to {window.End.AddDays(-1):yyyy-MM-dd}): "
            + $"{Plural.Of(eligibleMentees, "eligible mentee")}, {nominees.Count} nominated to {Plural.Of(batches.Count, "sales leader")}, "
            + $"{Plural.Of(mentors, "eligible mentor")}";
        await audit.AppendAsync(
            input.ProgramId,
            new AuditEntry(input.At, AuditActors.System, "CandidatesEvaluated", summary + "."),
            CancellationToken.None);
        var counts = new Dictionary<string, int>
        {
            ["candidates"] = evaluated.Count,
            ["eligibleMentees"] = eligibleMentees,
            ["nominees"] = nominees.Count,
            ["eligibleMentors"] = mentors,
        };

        // Show the counts while the stage waits for the sales leaders, not only once it is done.
        await programs.UpdateAsync(
            input.ProgramId,
            p => p.Status.IsTerminal() ? p : p with { Counts = new Dictionary<string, int>(p.Counts.Concat(counts).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Last().Value)) },
            CancellationToken.None);
        return new StageResult(summary, counts, batches);
    }

    private async Task<List<ApprovalBatch>> PrepareNominationsAsync(
        string programId, ProgramDefinition definition, IReadOnlyList<DirectoryUser> users, List<Candidate> nominees, int eligibleMentees)
    {
        var byEmail = new Dictionary<string, DirectoryUser>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in users)
        {
            if (user.Email is { Length: > 0 } email)
            {
                byEmail.TryAdd(email, user);
            }
        }

        var byId = users.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var groups = new SortedDictionary<string, (Person Approver, List<string> Ids)>(StringComparer.OrdinalIgnoreCase);
        foreach (var nominee in nominees)
        {
            var approver = ApproverOf(byEmail.GetValueOrDefault(nominee.Email), byId, definition);
            var approvalId = "nomination-" + nominee.Rank!.Value.ToString("D4", CultureInfo.InvariantCulture);
            var user = byEmail.GetValueOrDefault(nominee.Email);
            // A re-delivered activity must not reset a nomination that is already out or decided.
            if (await approvals.GetAsync(programId, approvalId, CancellationToken.None) is null)
            {
                await approvals.SaveAsync(
                    new ApprovalRecord
                    {
                        ProgramId = programId,
                        ApprovalId = approvalId,
                        Kind = ApprovalKind.Nomination,
                        Title = $"{nominee.Name}{(user?.JobTitle is { Length: > 0 } title ? $", {title}" : "")} — mentee nominee, rank {nominee.Rank} of {eligibleMentees}",
                        Description = Explain(nominee),
                        SubjectEmail = nominee.Email,
                    },
                    CancellationToken.None);
            }

            if (!groups.TryGetValue(approver.Email, out var group))
            {
                groups[approver.Email] = group = (approver, []);
            }

            group.Ids.Add(approvalId);
        }

        return [.. groups.Values.Select((g, i) => new ApprovalBatch(
            "nominations-" + (i + 1).ToString("D3", CultureInfo.InvariantCulture), ApprovalKind.Nomination, g.Ids, g.Approver))];
    }

    /// <summary>Who decides a nominee: their manager (or skip-level manager, else the manager); the program manager when there is none.</summary>
    /// <remarks>Internal so the Stories stage gives next-cohort candidates the same approver as a nomination.</remarks>
    internal static Person ApproverOf(DirectoryUser? nominee, IReadOnlyDictionary<string, DirectoryUser> byId, ProgramDefinition definition)
    {
        var manager = nominee?.ManagerId is { } managerId ? byId.GetValueOrDefault(managerId) : null;
        if (definition.Criteria.NominationApprover == NominationApprovers.SkipLevel
            && manager?.ManagerId is { } skipId && byId.GetValueOrDefault(skipId) is { Email.Length: > 0 } skip)
        {
            return new Person(skip.DisplayName, skip.Email!);
        }

        return manager is { Email.Length: > 0 } ? new Person(manager.DisplayName, manager.Email!) : definition.ProgramManager;
    }

    /// <summary>The lines a sales leader reads about a nominee: score, what mattered, and each rule.</summary>
    private static IReadOnlyList<string> Explain(Candidate nominee) =>
    [
        $"Email: {nominee.Email}",
        $"Score {nominee.Score:0.###}: " + string.Join("; ", nominee.Contributions.Select(c =>
            $"{c.Metric} = {PersonMetrics.Format(c.Value)} (weight {c.Weight:0.##}, {c.Points:0.###} points)")),
        "Eligibility: " + string.Join("; ", nominee.Rules.Select(r => $"{r.Rule} ✓ ({r.Detail})")),
    ];
}
