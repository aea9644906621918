using System.Text.RegularExpressions;
using MentorFlow.Workflows.Approvals.Pages;

namespace MentorFlow.Workflows.Tests.Approvals.Pages;

public partial class ApprovalPagesTests
{
    private const string Hostile = "<script>alert('x')</script> & \"quoted\"";
    private const string EncodedHostile = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;";

    public static TheoryData<string> PageNames => ["Confirmation", "Result", "AlreadyDecided", "Problem", "Expired"];

    [Theory]
    [MemberData(nameof(PageNames))]
    public void Render_AnyPage_IsSelfContainedAccessibleDocument(string page)
    {
        var html = Render(page, PageModels.Sponsorship);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Matches(TitleElement(), html);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(PageNames))]
    public void Render_AnyPage_HasNoScriptOrAutomaticAction(string page)
    {
        var html = Render(page, PageModels.Sponsorship);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http-equiv=\"refresh\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(EventHandlerAttribute(), html);
    }

    [Theory]
    [MemberData(nameof(PageNames))]
    public void Render_HostileValues_AreShownAsText(string page)
    {
        var model = new ApprovalPageModel(Hostile, Hostile, [Hostile], Hostile, Hostile, PageModels.Sponsorship.DueAt);

        var html = Render(page, model, hostile: true);

        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"quoted\"", html, StringComparison.Ordinal);
        Assert.Contains(EncodedHostile, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Confirmation_FormAction_IsEncodedInAttribute()
    {
        var html = ApprovalPages.Confirmation(PageModels.Sponsorship, "/api/approvals/x\"><script>alert(1)</script>");

        Assert.Contains("action=\"/api/approvals/x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Confirmation_Form_PostsToActionWithBothDecisions()
    {
        var html = ApprovalPages.Confirmation(PageModels.Sponsorship, PageModels.FormAction);

        Assert.Contains($"<form method=\"post\" action=\"{PageModels.FormAction}\">", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" name=\"decision\" value=\"approve\"", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" name=\"decision\" value=\"decline\"", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "type=\"submit\""));
    }

    [Fact]
    public void Confirmation_CommentField_IsOptionalAndLabelled()
    {
        var html = ApprovalPages.Confirmation(PageModels.Sponsorship, PageModels.FormAction);

        Assert.Contains("<label for=\"comment\">Comment (optional)</label>", html, StringComparison.Ordinal);
        Assert.Matches("<textarea id=\"comment\" name=\"comment\"[^>]*>", html);
        Assert.DoesNotContain("required", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Confirmation_Request_ShowsWhatForWhomProgramAndDue()
    {
        var html = ApprovalPages.Confirmation(PageModels.Sponsorship, PageModels.FormAction);

        Assert.Contains("<h1>Sponsor the Sales Leadership 2027 program</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p>The program pairs 24 new sales leaders with experienced mentors for six months.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>As sponsor you open the kick-off and review the pilot&#39;s results.</p>", html, StringComparison.Ordinal);
        Assert.Contains("Dana Sponsor (dana.sponsor@example.com)", html, StringComparison.Ordinal);
        Assert.Contains("Sales Leadership 2027", html, StringComparison.Ordinal);
        Assert.Contains("27 Nov 2026, 14:05 UTC", html, StringComparison.Ordinal);
        Assert.Contains("Nothing has been decided yet", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Confirmation_NoDueTime_LeavesDueOut()
    {
        var html = ApprovalPages.Confirmation(PageModels.Sponsorship with { DueAt = null }, PageModels.FormAction);

        Assert.DoesNotContain("Decision due", html, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("approve", "approved")]
    [InlineData("decline", "declined")]
    [InlineData("Approved", "approved")]
    public void Result_Decision_ThanksAndSaysWhatWasDecided(string decision, string outcome)
    {
        var html = ApprovalPages.Result(PageModels.Sponsorship, decision, PageModels.DecidedAt, comment: null);

        Assert.Contains($"<title>You {outcome}: Sponsor the Sales Leadership 2027 program · MentorFlow</title>", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>Thank you — you {outcome} “Sponsor the Sales Leadership 2027 program”</h1>", html, StringComparison.Ordinal);
        Assert.Contains("21 Nov 2026, 08:00 UTC", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Decision due", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Your comment", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_Comment_IsShownAsParagraphs()
    {
        var html = ApprovalPages.Result(PageModels.Sponsorship, ApprovalPages.Approve, PageModels.DecidedAt, "Happy to.\nLet's start in March.");

        Assert.Contains("<h2>Your comment</h2>\n<blockquote><p>Happy to.</p>\n<p>Let&#39;s start in March.</p>\n</blockquote>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("")]
    public void Result_UnknownDecision_Throws(string decision)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ApprovalPages.Result(PageModels.Sponsorship, decision, PageModels.DecidedAt, null));
    }

    [Fact]
    public void AlreadyDecided_EarlierDecision_SaysWhenWhoWhatAndNothingChanged()
    {
        var html = ApprovalPages.AlreadyDecided(PageModels.Sponsorship, ApprovalPages.Decline, "dana.sponsor@example.com", PageModels.DecidedAt);

        Assert.Contains("<title>Already decided: Sponsor the Sales Leadership 2027 program · MentorFlow</title>", html, StringComparison.Ordinal);
        Assert.Contains(
            "This request was already decided on 21 Nov 2026, 08:00 UTC by dana.sponsor@example.com: declined. Nothing was changed.",
            html,
            StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AlreadyDecided_PolicyDecision_ShowsItAsGiven()
    {
        var html = ApprovalPages.AlreadyDecided(PageModels.Sponsorship, "auto-approved <after timeout>", "MentorFlow", PageModels.DecidedAt);

        Assert.Contains("by MentorFlow: auto-approved &lt;after timeout&gt;. Nothing was changed.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, "Bad Request")]
    [InlineData(404, "Not Found")]
    [InlineData(409, "Conflict")]
    [InlineData(410, "Gone")]
    public void Problem_Status_ShowsStatusTitleAndMessage(int status, string reason)
    {
        var html = ApprovalPages.Problem(status, "This link is not valid", "The link was changed after it was sent.\nNothing was changed.");

        Assert.Contains($"<p class=\"status\">Error {status} — {reason}</p>", html, StringComparison.Ordinal);
        Assert.Contains("<title>This link is not valid · MentorFlow</title>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>This link is not valid</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p>The link was changed after it was sent.</p>\n<p>Nothing was changed.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(302)]
    [InlineData(600)]
    public void Problem_NotAnErrorStatus_Throws(int status)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ApprovalPages.Problem(status, "Title", "Message"));
    }

    [Fact]
    public void Expired_Link_SaysWhatExpiredWhenAndWhoCanHelp()
    {
        var html = ApprovalPages.Expired(PageModels.Sponsorship, new DateTimeOffset(2026, 11, 27, 14, 5, 0, TimeSpan.Zero));

        Assert.Contains("Error 410 — Gone", html, StringComparison.Ordinal);
        Assert.Contains("<h1>This approval link has expired</h1>", html, StringComparison.Ordinal);
        Assert.Contains(
            "The link to approve or decline “Sponsor the Sales Leadership 2027 program” for Sales Leadership 2027 expired on 27 Nov 2026, 14:05 UTC. Nothing was changed.",
            html,
            StringComparison.Ordinal);
        Assert.Contains("a reminder email will bring a new link, or the program manager can help", html, StringComparison.Ordinal);
    }

    private static string Render(string page, ApprovalPageModel model, bool hostile = false)
    {
        var text = hostile ? Hostile : "Something went wrong";
        return page switch
        {
            "Confirmation" => ApprovalPages.Confirmation(model, PageModels.FormAction),
            "Result" => ApprovalPages.Result(model, ApprovalPages.Approve, PageModels.DecidedAt, hostile ? Hostile : "Fine by me."),
            "AlreadyDecided" => ApprovalPages.AlreadyDecided(model, ApprovalPages.Approve, hostile ? Hostile : "Dana Sponsor", PageModels.DecidedAt),
            "Problem" => ApprovalPages.Problem(404, text, text),
            "Expired" => ApprovalPages.Expired(model, PageModels.DecidedAt),
            _ => throw new ArgumentOutOfRangeException(nameof(page), page, null),
        };
    }

    [GeneratedRegex("<title>[^<]+</title>")]
    private static partial Regex TitleElement();

    // onclick=, onload=, … anywhere in a tag.
    [GeneratedRegex("<[^>]*\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}
