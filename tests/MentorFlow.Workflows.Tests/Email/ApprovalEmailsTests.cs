using MentorFlow.Workflows.Email;

namespace MentorFlow.Workflows.Tests.Email;

public sealed class ApprovalEmailsTests
{
    private static ApprovalEmailModel Model(string approverName = "Pat Manager", string? escalatedFrom = null, int items = 1) => new(
        "Sales Mentoring",
        approverName,
        "Confirm the program charter",
        ["Please read this first."],
        [.. Enumerable.Range(1, items).Select(i => new ApprovalEmailItem(
            $"Item {i}",
            ["Purpose: grow managers <fast> & well"],
            new Uri($"http://mentorflow.test/api/approvals/tok{i}?decision=approve"),
            new Uri($"http://mentorflow.test/api/approvals/tok{i}?decision=decline")))],
        "<section>roles</section>",
        "Roles text",
        new DateTimeOffset(2026, 12, 2, 6, 25, 0, TimeSpan.Zero),
        escalatedFrom);

    [Fact]
    public void Request_NameWithScript_RendersAsText()
    {
        var email = ApprovalEmails.Request(Model("<script>alert(1)</script>"));

        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", email.Html, StringComparison.Ordinal);
        Assert.Contains("grow managers &lt;fast&gt; &amp; well", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_BothParts_CarryBothLinksAndTheDueTime()
    {
        var email = ApprovalEmails.Request(Model());

        foreach (var body in new[] { email.Html, email.Text })
        {
            Assert.Contains("http://mentorflow.test/api/approvals/tok1?decision=approve", body, StringComparison.Ordinal);
            Assert.Contains("http://mentorflow.test/api/approvals/tok1?decision=decline", body, StringComparison.Ordinal);
            Assert.Contains("2 Dec 2026, 06:25 UTC", body, StringComparison.Ordinal);
        }

        Assert.Equal("Confirm the program charter — Sales Mentoring", email.Subject);
    }

    [Fact]
    public void Request_SeveralItems_OneEmailWithEachItemsOwnLinks()
    {
        var email = ApprovalEmails.Request(Model(items: 3));

        for (var i = 1; i <= 3; i++)
        {
            Assert.Contains($"Item {i}", email.Text, StringComparison.Ordinal);
            Assert.Contains($"tok{i}?decision=approve", email.Html, StringComparison.Ordinal);
            Assert.Contains($"tok{i}?decision=decline", email.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Reminder_Subject_StartsWithReminder()
    {
        var email = ApprovalEmails.Reminder(Model(), 2);

        Assert.StartsWith("Reminder: Confirm the program charter", email.Subject, StringComparison.Ordinal);
        Assert.Contains("This is a reminder", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_Escalated_SaysWhoDidNotAnswer()
    {
        var email = ApprovalEmails.Request(Model(escalatedFrom: "Pat Manager"));

        Assert.Contains("Pat Manager has not answered, so this request comes to you.", email.Text, StringComparison.Ordinal);
    }
}
