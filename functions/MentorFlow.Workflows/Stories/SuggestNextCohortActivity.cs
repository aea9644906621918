using System.Globalization;
using MentorFlow.Workflows.CompanyDirectory;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stages;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Stories;

/// <summary>
/// Suggests the next cohort: the eligible mentees who were ranked but not nominated (by rank), then the colleagues
/// suggested by the strongest check-in performers — participants whose answered check-ins average at least
/// <see cref="StrongAverageRating"/> — when the colleague is an enabled directory user, not a participant and not
/// listed already. Each gets the approver a nomination would have (the Criteria stage's rule). Saves the list and
/// tells each approver about their people in one email (approvers numbered in address order for the keys).
/// </summary>
public sealed class SuggestNextCohortActivity(
    IProgramStore programs,
    IStoryStore stories,
    ICheckInStore checkIns,
    ICandidateStore candidates,
    IDirectory directory,
    IEmailSender email,
    IAuditLog audit) : TaskActivity<StageInput, NextCohortSent>
{
    /// <summary>The purpose of a next-cohort email.</summary>
    public const string Purpose = "next-cohort";

    /// <summary>The average check-in rating from which a participant's suggestion counts.</summary>
    public const double StrongAverageRating = 4.0;

    private const int CandidatePageSize = 500;

    /// <inheritdoc />
    public override async Task<NextCohortSent> RunAsync(TaskActivityContext context, StageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var definition = await programs.GetDefinitionAsync(input.ProgramId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input.ProgramId} has no stored definition.");
        var users = await directory.ListUsersAsync(CancellationToken.None);
        var byEmail = new Dictionary<string, DirectoryUser>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in users)
        {
            if (user.Email is { Length: > 0 } address)
            {
                byEmail.TryAdd(address, user);
            }
        }

        var byId = users.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var listed = new Dictionary<string, NextCohortCandidate>(StringComparer.OrdinalIgnoreCase);
        foreach (var ranked in (await RankedNotNominatedAsync(input.ProgramId)).OrderBy(c => c.Rank))
        {
            listed.TryAdd(ranked.Email, new NextCohortCandidate(
                ranked.Email, ranked.Name, NextCohortSources.Ranked, ranked.Rank, null, ApproverOf(ranked.Email)));
        }

        var rankedCount = listed.Count;
        var participants = StoryParticipants.Of(await stories.ListAsync(input.ProgramId, CancellationToken.None));
        var participantEmails = participants.Select(p => p.ParticipantEmail).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var strong = (await checkIns.ListAsync(input.ProgramId, CancellationToken.None))
            .Where(c => c is { Answered: true, Rating: not null })
            .GroupBy(c => c.ParticipantEmail, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Average(c => c.Rating!.Value) >= StrongAverageRating)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var story in participants.Where(s => strong.Contains(s.ParticipantEmail)))
        {
            if (story.Suggestion is not { Length: > 0 } suggestion
                || byEmail.GetValueOrDefault(suggestion.Trim()) is not { AccountEnabled: true, Email: { } suggestedEmail } suggested
                || participantEmails.Contains(suggestedEmail)
                || listed.ContainsKey(suggestedEmail))
            {
                continue;
            }

            listed.Add(suggestedEmail, new NextCohortCandidate(
                suggestedEmail, suggested.DisplayName, NextCohortSources.Suggested, null, story.ParticipantEmail, ApproverOf(suggestedEmail)));
        }

        var list = listed.Values.ToList();
        await stories.SaveNextCohortAsync(input.ProgramId, list, CancellationToken.None);

        var groups = list.GroupBy(c => c.ApproverEmail ?? definition.ProgramManager.Email, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var suggesterNames = participants.GroupBy(p => p.ParticipantEmail, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().ParticipantName, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < groups.Count; i++)
        {
            var approver = ApproverPerson(groups[i].Key);
            var rendered = StoryEmails.NextCohort(definition.Name, approver.Name, [.. groups[i]], suggesterNames);
            await email.SendAsync(
                new EmailMessage(
                    input.ProgramId,
                    Purpose,
                    $"{input.ProgramId}/{Purpose}/{(i + 1).ToString("D3", CultureInfo.InvariantCulture)}",
                    [new EmailAddress(approver.Email, approver.Name)],
                    [],
                    rendered.Subject,
                    rendered.Html,
                    rendered.Text),
                CancellationToken.None);
        }

        await audit.AppendAsync(
            input.ProgramId,
            new AuditEntry(input.At, AuditActors.System, "NextCohortSuggested",
                $"{Plural.Of(list.Count, "next-cohort candidate")} ({rankedCount} ranked but not nominated, {list.Count - rankedCount} suggested by "
                + $"participants averaging {StrongAverageRating:0.#} or more at check-ins), sent to {Plural.Of(groups.Count, "approver")}."),
            CancellationToken.None);
        return new NextCohortSent(list.Count, groups.Count);

        string ApproverOf(string candidateEmail) =>
            CriteriaStageActivity.ApproverOf(byEmail.GetValueOrDefault(candidateEmail), byId, definition).Email;

        Person ApproverPerson(string approverEmail) =>
            string.Equals(approverEmail, definition.ProgramManager.Email, StringComparison.OrdinalIgnoreCase)
                ? definition.ProgramManager
                : new Person(byEmail.GetValueOrDefault(approverEmail)?.DisplayName ?? approverEmail, approverEmail);
    }

    /// <summary>Every eligible, ranked, not nominated mentee, read page by page.</summary>
    private async Task<List<CandidateView>> RankedNotNominatedAsync(string programId)
    {
        var found = new List<CandidateView>();
        for (var skip = 0; ; skip += CandidatePageSize)
        {
            var (total, items) = await candidates.ListAsync(programId, skip, CandidatePageSize, CancellationToken.None);
            found.AddRange(items.Where(c => c is { Pool: "mentee", Eligible: true, Nominated: false, Rank: not null }));
            if (items.Count == 0 || skip + items.Count >= total)
            {
                return found;
            }
        }
    }
}
