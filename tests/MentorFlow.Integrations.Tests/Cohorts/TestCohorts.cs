using System.Text.Json;
using Azure.Data.Tables;
using MentorFlow.Integrations.Storage;
using MentorFlow.Testing;
using MentorFlow.Workflows.Api;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Matching;
using MentorFlow.Workflows.Programs;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Tests.Cohorts;

/// <summary>Small builders for the cohort store tests: pairs, check-ins and stories of one program.</summary>
internal static class TestCohorts
{
    public static readonly DateTimeOffset Now = new(2027, 4, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Each test class on tables of its own in the shared Azurite.</summary>
    public static (TableServiceClient Service, IOptions<TableStorageOptions> Options) Tables(AzuriteFixture azurite) =>
        (new TableServiceClient(azurite.ConnectionString),
         Options.Create(new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "T" + Guid.NewGuid().ToString("N")[..12] }));

    public static PairRecord Pair(string programId, StageName stage, int number, bool matched = true) => new()
    {
        ProgramId = programId,
        Stage = stage,
        PairNumber = number,
        MenteeEmail = $"mentee{number}@contoso.example",
        MenteeName = $"Mentee {number}",
        MentorEmail = matched ? $"mentor{number}@contoso.example" : null,
        MentorName = matched ? $"Mentor {number}" : null,
        Compatibility = matched ? 0.75 : 0,
        Explanation = matched
            ? [new CompatibilityPart("region", 2, 1, 0.5), new CompatibilityPart("seniority", 2, 0.5, 0.25)]
            : [],
        UnmatchedReason = matched ? null : "No mentor in the mentee's region has capacity left.",
        MatchedAt = Now,
    };

    public static CheckInRecord CheckIn(string programId, int pairNumber, string role = ParticipantRoles.Mentee, int round = 1) => new()
    {
        ProgramId = programId,
        CheckInId = CheckInRecord.IdFor(StageName.Pilot, round, pairNumber, role),
        Stage = StageName.Pilot,
        Round = round,
        PairNumber = pairNumber,
        Role = role,
        ParticipantEmail = $"{role}{pairNumber}@contoso.example",
        ParticipantName = $"{role} {pairNumber}",
        PartnerName = $"partner {pairNumber}",
        SentAt = Now,
        DueAt = Now.AddDays(7),
    };

    public static StoryRecord Story(string programId, int number, string role = ParticipantRoles.Mentee) => new()
    {
        ProgramId = programId,
        StoryId = StoryRecord.IdFor(number, role),
        Role = role,
        ParticipantEmail = $"{role}{number}@contoso.example",
        ParticipantName = $"{role} {number}",
        RequestedAt = Now,
        DueAt = Now.AddDays(10),
    };

    public static StoryRecord SponsorStory(string programId) => new()
    {
        ProgramId = programId,
        StoryId = StoryRecord.SponsorStoryId,
        Role = ParticipantRoles.Sponsor,
        ParticipantEmail = "sponsor@contoso.example",
        ParticipantName = "Sam Sponsor",
        RequestedAt = Now,
        Story = "Mentoring made our managers better leaders.",
        ConsentToShare = true,
        SubmittedAt = Now,
        Status = StoryStatus.Published,
    };

    // Records hold lists, which compare by reference: compare what is stored, as JSON.
    public static string Json<T>(T value) => JsonSerializer.Serialize(value, MentorFlowJson.Options);
}
