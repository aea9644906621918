using MentorFlow.Workflows.Api;
using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Approvals.Tokens;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stages;
using MentorFlow.Workflows.Tests.Approvals;
using MentorFlow.Workflows.Tests.Fakes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace MentorFlow.Workflows.Tests.Forms;

/// <summary>
/// The HTTP handlers over in-memory ports, a clock the test sets and a real token service: builds requests as a
/// browser sends them and runs the handlers' results into a response.
/// </summary>
internal sealed class FormTestContext
{
    public const string ProgramId = "prg-forms-0001";
    public const string ProgramName = "Sales Leadership Mentoring 2027";

    public static readonly DateTimeOffset Start = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly IServiceProvider ResultServices = new ServiceCollection().AddLogging().BuildServiceProvider();

    public FormTestContext()
    {
        Tokens = new ApprovalTokenService(
            Options.Create(new ApprovalTokenOptions { SigningKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()) }),
            Time);
        Links = new FormLinks(Tokens, Options.Create(new LinkOptions { PublicBaseUrl = new Uri("https://mentorflow.example.com/") }));
        Forms = new FormApi(CheckIns, Stories, Programs, Audit, Email, Tokens, Time, NullLogger<FormApi>.Instance);
        Cohorts = new CohortApi(Programs, Pairs, CheckIns, Stories, Approvals);
        ApprovalPages = new ApprovalApi(Approvals, Programs, Audit, Tokens, Time, NullLogger<ApprovalApi>.Instance);
    }

    public ManualTimeProvider Time { get; } = new(Start);

    public InMemoryProgramStore Programs { get; } = new();

    public InMemoryAuditLog Audit { get; } = new();

    public InMemoryApprovalStore Approvals { get; } = new();

    public InMemoryPairStore Pairs { get; } = new();

    public InMemoryCheckInStore CheckIns { get; } = new();

    public InMemoryStoryStore Stories { get; } = new();

    public RecordingEmailSender Email { get; } = new();

    public ApprovalTokenService Tokens { get; }

    public FormLinks Links { get; }

    public FormApi Forms { get; }

    public CohortApi Cohorts { get; }

    public ApprovalApi ApprovalPages { get; }

    /// <summary>A context with the program (and its definition: program manager Pat Manager) stored.</summary>
    public static async Task<FormTestContext> WithProgramAsync()
    {
        var context = new FormTestContext();
        await context.Programs.CreateAsync(ProgramRecord.New(ProgramId, ProgramName, Start.AddDays(-60)), TestDefinitions.Sample(), CancellationToken.None);
        return context;
    }

    public static CheckInRecord CheckIn(int pairNumber = 3, string role = ParticipantRoles.Mentee, int round = 1) => new()
    {
        ProgramId = ProgramId,
        CheckInId = CheckInRecord.IdFor(StageName.Pilot, round, pairNumber, role),
        Stage = StageName.Pilot,
        Round = round,
        PairNumber = pairNumber,
        Role = role,
        ParticipantEmail = role == ParticipantRoles.Mentee ? "mia.mentee@example.com" : "max.mentor@example.com",
        ParticipantName = role == ParticipantRoles.Mentee ? "Mia Mentee" : "Max Mentor",
        PartnerName = role == ParticipantRoles.Mentee ? "Max Mentor" : "Mia Mentee",
        SentAt = Start,
        DueAt = Start.AddDays(7),
    };

    public static StoryRecord Story(int number = 1, string role = ParticipantRoles.Mentee) => new()
    {
        ProgramId = ProgramId,
        StoryId = StoryRecord.IdFor(number, role),
        Role = role,
        ParticipantEmail = $"person{number}@example.com",
        ParticipantName = $"Person {number}",
        RequestedAt = Start,
        DueAt = Start.AddDays(14),
    };

    public async Task<CheckInRecord> AddCheckInAsync(CheckInRecord? checkIn = null)
    {
        checkIn ??= CheckIn();
        await CheckIns.AddAsync([checkIn], CancellationToken.None);
        return checkIn;
    }

    public async Task<StoryRecord> AddStoryAsync(StoryRecord? story = null)
    {
        story ??= Story();
        await Stories.AddAsync([story], CancellationToken.None);
        return story;
    }

    /// <summary>The token of a link as the email carries it.</summary>
    public static string TokenOf(Uri link) => link.AbsolutePath[(link.AbsolutePath.LastIndexOf('/') + 1)..];

    public string CheckInToken(CheckInRecord checkIn) => TokenOf(Links.CheckIn(checkIn));

    public string StoryToken(StoryRecord story) => TokenOf(Links.Story(story));

    /// <summary>A token signed with our key for any id (an approval's, another form's, an unknown one).</summary>
    public string TokenFor(string id, string email, DateTimeOffset? expiresAt = null) =>
        Tokens.Create(new ApprovalTokenClaims(ProgramId, id, email, expiresAt ?? Start.AddDays(7)));

    public static HttpRequest Get(string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = path;
        return context.Request;
    }

    /// <summary>A POST as a browser sends the page's form (<c>application/x-www-form-urlencoded</c>).</summary>
    public static HttpRequest Post(string path, params (string Name, string Value)[] fields)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = path;
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Form = new FormCollection(fields
            .GroupBy(f => f.Name)
            .ToDictionary(g => g.Key, g => new StringValues([.. g.Select(f => f.Value)])));
        return context.Request;
    }

    public static HttpRequest GetWithQuery(string path, string query)
    {
        var request = Get(path);
        request.QueryString = new QueryString(query);
        return request;
    }

    /// <summary>Runs a handler's result as the host would and reads what the browser gets.</summary>
    public static async Task<PageResponse> RunAsync(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = ResultServices };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return new PageResponse(context.Response.StatusCode, context.Response.ContentType, System.Text.Encoding.UTF8.GetString(body.ToArray()), context.Response.Headers);
    }

    /// <summary>Ends the program as the cancel API or the orchestration would: <paramref name="status"/> at <paramref name="at"/>.</summary>
    public Task<ProgramRecord> EndProgramAsync(ProgramStatus status, DateTimeOffset at) =>
        Programs.UpdateAsync(
            ProgramId,
            p => FinishProgramActivity.Finish(p, new ProgramFinish(ProgramId, status, at, $"Program {status}.", "ended"))
                with { CancelledBy = status == ProgramStatus.Cancelled ? "hr@example.com" : null, CancelledAt = status == ProgramStatus.Cancelled ? at : null },
            CancellationToken.None);

    public IReadOnlyList<AuditEntry> AuditEntries(string action) =>
        [.. Audit.ListAsync(ProgramId, CancellationToken.None).Result.Where(e => e.Action == action)];

    public static ApprovalRecord Approval(string id, ApprovalKind kind, string approverEmail = "sam@example.com", string approverName = "Sam Sponsor") => new()
    {
        ProgramId = ProgramId,
        ApprovalId = id,
        Kind = kind,
        Title = ApprovalTexts.Heading(kind, 1),
        Description = ["Please decide."],
        Approver = new Person(approverName, approverEmail),
        RequestedAt = Start,
        DueAt = Start.AddDays(7),
        InstanceId = $"{ProgramId}-{id}",
    };
}
