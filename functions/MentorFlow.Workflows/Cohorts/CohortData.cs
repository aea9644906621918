using System.Globalization;
using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.CompanyDirectory;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Matching;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;

namespace MentorFlow.Workflows.Cohorts;

/// <summary>
/// Who is in a cohort, read again from storage by every activity that needs it (so history carries no lists):
/// approved nominees by rank, the stage's mentees, mentors who accepted and their capacity left, mentors not yet asked.
/// </summary>
internal sealed class CohortData
{
    private const int PageSize = 1000;

    private CohortData(ProgramDefinition definition, IReadOnlyList<CandidateView> candidates, IReadOnlyList<ApprovalRecord> approvals, IReadOnlyList<PairRecord> pairs)
    {
        Definition = definition;
        Candidates = candidates;
        Approvals = approvals;
        Pairs = pairs;
    }

    public ProgramDefinition Definition { get; }

    public IReadOnlyList<CandidateView> Candidates { get; }

    public IReadOnlyList<ApprovalRecord> Approvals { get; }

    public IReadOnlyList<PairRecord> Pairs { get; }

    public static async Task<CohortData> LoadAsync(
        string programId, IProgramStore programs, ICandidateStore candidates, IApprovalStore approvals, IPairStore pairs)
    {
        var definition = await programs.GetDefinitionAsync(programId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {programId} has no stored definition.");
        var all = new List<CandidateView>();
        for (var skip = 0; ; skip += PageSize)
        {
            var (total, items) = await candidates.ListAsync(programId, skip, PageSize, CancellationToken.None);
            all.AddRange(items);
            if (items.Count == 0 || all.Count >= total)
            {
                break;
            }
        }

        return new CohortData(
            definition, all, await approvals.ListAsync(programId, CancellationToken.None), await pairs.ListAsync(programId, CancellationToken.None));
    }

    /// <summary>Approved nominees, highest-ranked first.</summary>
    public IReadOnlyList<CandidateView> ApprovedNominees()
    {
        var approved = Approvals
            .Where(a => a is { Kind: ApprovalKind.Nomination, Status: ApprovalStatus.Approved, SubjectEmail: not null })
            .Select(a => a.SubjectEmail!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. Candidates.Where(c => c.Pool == "mentee" && c.Nominated && approved.Contains(c.Email)).OrderBy(c => c.Rank ?? int.MaxValue)];
    }

    /// <summary>
    /// The stage's mentees: for the pilot the <c>pilot.pairs</c> highest-ranked approved nominees; for the rollout every
    /// other approved nominee (a pilot mentee who found no mentor gets another chance).
    /// </summary>
    public IReadOnlyList<CandidateView> Mentees(StageName stage)
    {
        var approved = ApprovedNominees();
        if (stage == StageName.Pilot)
        {
            return [.. approved.Take(Definition.Pilot.Pairs)];
        }

        var pilotPaired = Pairs.Where(p => p.Stage == StageName.Pilot && p.IsMatched).Select(p => p.MenteeEmail).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. approved.Where(c => !pilotPaired.Contains(c.Email))];
    }

    /// <summary>Mentors who accepted, by rank, each with the capacity the earlier stages left them.</summary>
    public IReadOnlyList<(CandidateView Mentor, int Capacity)> AcceptedMentors(StageName stage)
    {
        var accepted = Approvals
            .Where(a => a is { Kind: ApprovalKind.MentorInvitation, Status: ApprovalStatus.Approved, SubjectEmail: not null })
            .Select(a => a.SubjectEmail!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var used = Pairs.Where(p => p.Stage < stage && p.IsMatched)
            .GroupBy(p => p.MentorEmail!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        return [.. Candidates
            .Where(c => c.Pool == "mentor" && c.Eligible && accepted.Contains(c.Email))
            .OrderBy(c => c.Rank ?? int.MaxValue)
            .Select(c => (c, Math.Max(0, Definition.Criteria.Mentor.Capacity - used.GetValueOrDefault(c.Email))))];
    }

    /// <summary>Eligible mentors never invited yet, highest-ranked first.</summary>
    public IReadOnlyList<CandidateView> UninvitedMentors()
    {
        var invited = Approvals
            .Where(a => a is { Kind: ApprovalKind.MentorInvitation, SubjectEmail: not null })
            .Select(a => a.SubjectEmail!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. Candidates.Where(c => c.Pool == "mentor" && c.Eligible && c.Rank is not null && !invited.Contains(c.Email)).OrderBy(c => c.Rank)];
    }

    /// <summary>The approval id of a mentor's invitation, from their rank among mentors.</summary>
    public static string InvitationId(CandidateView mentor) =>
        "mentor-" + (mentor.Rank ?? 0).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>A person as the matcher sees them: directory attributes and management chain (nearest manager first).</summary>
    public static MatchPerson ToMatchPerson(CandidateView candidate, IReadOnlyDictionary<string, DirectoryUser> byEmail, IReadOnlyDictionary<string, DirectoryUser> byId)
    {
        if (!byEmail.TryGetValue(candidate.Email, out var user))
        {
            // Someone the directory no longer knows has no known chain; the email stands in for the id.
            return new MatchPerson(candidate.Email, candidate.Email, candidate.Name, null, null, null, []);
        }

        var chain = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { user.Id };
        for (var managerId = user.ManagerId; managerId is not null && seen.Add(managerId); managerId = byId.GetValueOrDefault(managerId)?.ManagerId)
        {
            chain.Add(managerId);
        }

        return new MatchPerson(user.Id, candidate.Email, candidate.Name, user.Country, user.OfficeLocation, user.Department, chain);
    }

    /// <summary>Directory lookups by email (case-insensitive; mail, else user principal name) and by id.</summary>
    public static (Dictionary<string, DirectoryUser> ByEmail, Dictionary<string, DirectoryUser> ById) Index(IReadOnlyList<DirectoryUser> users)
    {
        var byEmail = new Dictionary<string, DirectoryUser>(StringComparer.OrdinalIgnoreCase);
        var byId = new Dictionary<string, DirectoryUser>(StringComparer.Ordinal);
        foreach (var user in users)
        {
            byId.TryAdd(user.Id, user);
            if (user.Email is { Length: > 0 } email)
            {
                byEmail.TryAdd(email, user);
            }
        }

        return (byEmail, byId);
    }
}
