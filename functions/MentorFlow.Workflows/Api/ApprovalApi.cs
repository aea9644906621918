using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Approvals.Pages;
using MentorFlow.Workflows.Approvals.Tokens;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace MentorFlow.Workflows.Api;

/// <summary>
/// The one-click approval pages behind the links in approval emails. <c>GET</c> never decides (mail scanners fetch
/// links): it shows what is asked with Approve / Decline buttons. <c>POST</c> (the page's form) records the decision
/// once, tells the waiting orchestration, and shows the result. No API key: the signed token is the credential.
/// </summary>
public sealed partial class ApprovalApi(
    IApprovalStore approvals,
    IProgramStore programs,
    IAuditLog audit,
    ApprovalTokenService tokens,
    TimeProvider time,
    ILogger<ApprovalApi> logger)
{
    private const int MaxCommentLength = 2000;

    /// <summary>The comment field's label on an endorsement page, where approving needs a message.</summary>
    public const string EndorsementMessageLabel = "Your message to the sales leaders — why mentoring matters";

    /// <summary>Why an endorsement approved without a message is refused.</summary>
    public const string EndorsementMessageMissing =
        "Please write a short message on why mentoring matters before you approve: it goes to every sales leader with the request to pledge support, and it becomes the program's first story.";

    /// <summary><c>GET /api/approvals/{token}</c>: the confirmation page.</summary>
    public async Task<IResult> ShowAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var resolved = await ResolveAsync(token, cancellationToken);
        if (resolved.Error is { } error)
        {
            return error;
        }

        return Page(StatusCodes.Status200OK, ApprovalPages.Confirmation(resolved.Model!, request.Path.Value ?? ""));
    }

    /// <summary><c>POST /api/approvals/{token}</c> with form fields <c>decision</c> (approve | decline) and <c>comment</c>.</summary>
    public async Task<IResult> DecideAsync(HttpRequest request, DurableTaskClient client, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var resolved = await ResolveAsync(token, cancellationToken);
        if (resolved.Error is { } error)
        {
            return error;
        }

        var approval = resolved.Approval!;
        if (!request.HasFormContentType)
        {
            return Page(StatusCodes.Status415UnsupportedMediaType, ApprovalPages.Problem(
                415, "Use the form", "Send the decision with the page's Approve or Decline button."));
        }

        var form = await FormBody.ReadAsync(request, cancellationToken);
        if (form is null)
        {
            return Page(StatusCodes.Status400BadRequest, ApprovalPages.Problem(
                400, "The form could not be read", "Send the decision with the page's Approve or Decline button."));
        }

        var choice = form["decision"].ToString();
        if (choice is not ("approve" or "decline"))
        {
            return Page(StatusCodes.Status400BadRequest, ApprovalPages.Problem(
                400, "No decision", "Choose Approve or Decline on the page."));
        }

        var comment = form["comment"].ToString().Trim();
        comment = comment.Length > MaxCommentLength ? comment[..MaxCommentLength] : comment;
        if (choice == "approve" && comment.Length == 0 && resolved.Model!.CommentRequiredToApprove)
        {
            // The endorsement message goes to every sales leader and becomes the program's first story.
            return Page(StatusCodes.Status400BadRequest, ApprovalPages.Confirmation(resolved.Model, request.Path.Value ?? "", EndorsementMessageMissing));
        }

        var decision = new ApprovalDecision(
            choice == "approve", approval.Approver!.Email, time.GetUtcNow(), comment.Length == 0 ? null : comment, "link");

        var stored = await approvals.DecideAsync(approval.ProgramId, approval.ApprovalId, decision, cancellationToken);
        if (stored.DecidedAt != decision.DecidedAt || stored.DecidedBy != decision.DecidedBy || stored.Via != decision.Via)
        {
            return AlreadyDecided(resolved.Model!, stored);
        }

        var what = ApprovalTexts.Describe(approval.Kind);
        await audit.AppendAsync(
            approval.ProgramId,
            new AuditEntry(decision.DecidedAt, approval.Approver.Email, decision.Approved ? "ApprovalApproved" : "ApprovalDeclined",
                $"{what}{(approval.SubjectEmail is null ? "" : $" of {approval.SubjectEmail}")} {(decision.Approved ? "approved" : "declined")} by {approval.Approver.Name} through the email link"
                + (decision.Comment is null ? "." : $": {decision.Comment}")),
            cancellationToken);
        await client.RaiseEventAsync(approval.InstanceId!, ApprovalEvents.DecisionFor(approval.ApprovalId), decision, cancellationToken);
        LogDecided(logger, approval.ProgramId, approval.ApprovalId, decision.Approved);

        return Page(StatusCodes.Status200OK, ApprovalPages.Result(resolved.Model!, choice, decision.DecidedAt, decision.Comment));
    }

    private async Task<Resolved> ResolveAsync(string token, CancellationToken cancellationToken)
    {
        var check = tokens.Verify(token);
        if (check.Status is ApprovalTokenStatus.Malformed or ApprovalTokenStatus.BadSignature || check.Claims is null)
        {
            return new Resolved(Page(StatusCodes.Status400BadRequest, ApprovalPages.Problem(
                400, "This link is not valid", "The link is incomplete or was changed. Open it again from the email, or ask the program manager for a new one.")));
        }

        var claims = check.Claims;
        if (FormKind(claims.ApprovalId) is { } form)
        {
            return new Resolved(Page(StatusCodes.Status404NotFound, ApprovalPages.Problem(
                404, "This link is not an approval", $"It opens your {form} form, not an approval request. Use the link exactly as it is in the email.")));
        }

        var approval = await approvals.GetAsync(claims.ProgramId, claims.ApprovalId, cancellationToken);
        var program = approval is null ? null : await programs.GetAsync(claims.ProgramId, cancellationToken);
        if (approval is not { Approver: not null, InstanceId: not null, DueAt: not null } || program is null)
        {
            return new Resolved(Page(StatusCodes.Status404NotFound, ApprovalPages.Problem(
                404, "Request not found", "This approval request does not exist (any more).")));
        }

        if (EndedProgramGate.Refuse(program) is { } ended)
        {
            return new Resolved(ended);
        }

        var title = approval.Title;
        var model = new ApprovalPageModel(program.Name, title, approval.Description, approval.Approver.Name, approval.Approver.Email, approval.DueAt)
        {
            CommentLabel = approval.Kind == ApprovalKind.Endorsement ? EndorsementMessageLabel : null,
            CommentRequiredToApprove = approval.Kind == ApprovalKind.Endorsement,
        };
        if (approval.Status != ApprovalStatus.Pending)
        {
            return new Resolved(AlreadyDecided(model, approval));
        }

        if (!claims.Approver.Equals(approval.Approver.Email, StringComparison.OrdinalIgnoreCase))
        {
            return new Resolved(Page(StatusCodes.Status410Gone, ApprovalPages.Problem(
                410, "This request was passed on", $"It now waits for {approval.Approver.Name}, so this link no longer decides it.")));
        }

        if (check.Status == ApprovalTokenStatus.Expired)
        {
            return new Resolved(Page(StatusCodes.Status410Gone, ApprovalPages.Problem(
                410, "This link has expired", $"The request '{title}' for {program.Name} was due {claims.ExpiresAt:u}. Use the link in the latest reminder, or ask the program manager.")));
        }

        return new Resolved(null, approval, model);
    }

    // Check-in and story links share the token format; their ids carry a prefix that no approval id has.
    private static string? FormKind(string id) =>
        id.StartsWith(FormLinks.CheckInPrefix, StringComparison.Ordinal) ? "check-in"
        : id.StartsWith(FormLinks.StoryPrefix, StringComparison.Ordinal) ? "story"
        : null;

    private static IResult AlreadyDecided(ApprovalPageModel model, ApprovalRecord stored) => Page(
        StatusCodes.Status409Conflict,
        ApprovalPages.AlreadyDecided(
            model,
            stored.Status == ApprovalStatus.Approved ? "approve" : "decline",
            stored.DecidedBy == AuditActors.System ? "the program's timeout policy" : stored.DecidedBy ?? "someone",
            stored.DecidedAt ?? DateTimeOffset.MinValue));

    private static IResult Page(int status, string html) => new TokenPageResult(status, html);

    private sealed record Resolved(IResult? Error, ApprovalRecord? Approval = null, ApprovalPageModel? Model = null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Approval {ApprovalId} of program {ProgramId} decided through its link (approved: {Approved})")]
    private static partial void LogDecided(ILogger logger, string programId, string approvalId, bool approved);
}
