namespace MentorFlow.Workflows.Api;

/// <summary>
/// The HR API both hosts serve. The local host maps these; the Functions app declares the same routes on its
/// hand-written triggers, and a test compares the published <c>functions.metadata</c> with this list.
/// </summary>
public static class ApiRoutes
{
    /// <summary>Every route is below this prefix (the Functions host's default <c>routePrefix</c>).</summary>
    public const string Prefix = "api";

    public static readonly ApiRoute CreateProgram = new(nameof(CreateProgram), "POST", "programs");
    public static readonly ApiRoute ListPrograms = new(nameof(ListPrograms), "GET", "programs");
    public static readonly ApiRoute GetProgram = new(nameof(GetProgram), "GET", "programs/{id}");
    public static readonly ApiRoute CancelProgram = new(nameof(CancelProgram), "POST", "programs/{id}/cancel");
    public static readonly ApiRoute GetProgramAudit = new(nameof(GetProgramAudit), "GET", "programs/{id}/audit");
    public static readonly ApiRoute GetProgramCandidates = new(nameof(GetProgramCandidates), "GET", "programs/{id}/candidates");
    public static readonly ApiRoute GetProgramNominations = new(nameof(GetProgramNominations), "GET", "programs/{id}/nominations");
    public static readonly ApiRoute GetProgramPairs = new(nameof(GetProgramPairs), "GET", "programs/{id}/pairs");
    public static readonly ApiRoute GetProgramCheckIns = new(nameof(GetProgramCheckIns), "GET", "programs/{id}/checkins");
    public static readonly ApiRoute GetProgramStories = new(nameof(GetProgramStories), "GET", "programs/{id}/stories");
    public static readonly ApiRoute GetProgramPledges = new(nameof(GetProgramPledges), "GET", "programs/{id}/pledges");
    public static readonly ApiRoute Health = new(nameof(Health), "GET", "health", RequiresKey: false);

    // The approval pages: the signed token in the link is the credential, so no key.
    public static readonly ApiRoute ShowApproval = new(nameof(ShowApproval), "GET", "approvals/{token}", RequiresKey: false);
    public static readonly ApiRoute DecideApproval = new(nameof(DecideApproval), "POST", "approvals/{token}", RequiresKey: false);

    // The participants' check-in and story forms: as with approvals, the signed token in the link is the credential.
    public static readonly ApiRoute ShowCheckIn = new(nameof(ShowCheckIn), "GET", "checkins/{token}", RequiresKey: false);
    public static readonly ApiRoute AnswerCheckIn = new(nameof(AnswerCheckIn), "POST", "checkins/{token}", RequiresKey: false);
    public static readonly ApiRoute ShowStory = new(nameof(ShowStory), "GET", "stories/{token}", RequiresKey: false);
    public static readonly ApiRoute SubmitStory = new(nameof(SubmitStory), "POST", "stories/{token}", RequiresKey: false);

    // SendGrid's Event Webhook: its ECDSA signature is the credential.
    public static readonly ApiRoute SendGridEvents = new(nameof(SendGridEvents), "POST", "sendgrid/events", RequiresKey: false);

    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        CreateProgram, ListPrograms, GetProgram, CancelProgram, GetProgramAudit, GetProgramCandidates, GetProgramNominations,
        GetProgramPairs, GetProgramCheckIns, GetProgramStories, GetProgramPledges, Health,
        ShowApproval, DecideApproval, ShowCheckIn, AnswerCheckIn, ShowStory, SubmitStory, SendGridEvents,
    ];

    /// <summary>The routes an HTML form posts to (no antiforgery token: the signed link authorises them).</summary>
    public static IReadOnlyList<ApiRoute> FormPosts { get; } = [DecideApproval, AnswerCheckIn, SubmitStory];
}
