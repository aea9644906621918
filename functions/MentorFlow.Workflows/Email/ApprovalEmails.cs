using System.Globalization;
using System.Net;
using System.Text;

namespace MentorFlow.Workflows.Email;

/// <summary>
/// The approval request and reminder emails: one email per approver listing every approval asked of them, each with
/// its own Approve and Decline links, in HTML and plain text alike, every value encoded. The links open a confirmation
/// page (they decide nothing by themselves: mail scanners fetch links).
/// </summary>
public static class ApprovalEmails
{
    public static RenderedEmail Request(ApprovalEmailModel model) => Render(model, reminderNumber: 0);

    /// <summary>A reminder: the approvals still open, the subject starting with "Reminder:".</summary>
    public static RenderedEmail Reminder(ApprovalEmailModel model, int number) => Render(model, number);

    private static RenderedEmail Render(ApprovalEmailModel model, int reminderNumber)
    {
        ArgumentNullException.ThrowIfNull(model);
        var subject = (reminderNumber > 0 ? "Reminder: " : "") + $"{model.Heading} — {model.ProgramName}";
        var due = model.DueAt.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var intro = model.EscalatedFrom is null
            ? "Your decision is needed."
            : $"{model.EscalatedFrom} has not answered, so this request comes to you.";
        var reminder = reminderNumber > 0 ? "This is a reminder: the request below still waits for your decision." : null;

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><body style=\"font-family:Segoe UI,Arial,sans-serif;color:#1b1b1b;max-width:680px\">\n");
        html.Append("<p>Hello ").Append(E(model.ApproverName)).Append(",</p>\n");
        if (reminder is not null)
        {
            html.Append("<p><strong>").Append(E(reminder)).Append("</strong></p>\n");
        }

        html.Append("<p>").Append(E(intro)).Append("</p>\n");
        html.Append("<h2>").Append(E(model.Heading)).Append("</h2>\n");
        foreach (var line in model.Introduction)
        {
            html.Append("<p>").Append(E(line)).Append("</p>\n");
        }

        html.Append("<p>Please decide by <strong>").Append(E(due)).Append("</strong>.</p>\n");
        foreach (var item in model.Items)
        {
            html.Append("<div style=\"border:1px solid #d0d0d0;border-radius:6px;padding:8px 16px;margin:12px 0\">\n");
            html.Append("<h3>").Append(E(item.Title)).Append("</h3>\n");
            foreach (var line in item.Description)
            {
                html.Append("<p>").Append(E(line)).Append("</p>\n");
            }

            html.Append("<p><a href=\"").Append(E(item.ApproveLink.AbsoluteUri)).Append("\" style=\"background:#0b6a0b;color:#fff;padding:8px 16px;text-decoration:none\">Approve</a> ");
            html.Append("<a href=\"").Append(E(item.DeclineLink.AbsoluteUri)).Append("\" style=\"background:#a4262c;color:#fff;padding:8px 16px;text-decoration:none\">Decline</a></p>\n");
            html.Append("</div>\n");
        }

        html.Append("<p style=\"color:#555\">Each link opens a page where you confirm your choice and may add a comment.</p>\n");
        if (model.CharterHtml is not null)
        {
            html.Append(model.CharterHtml);
        }

        html.Append("</body></html>\n");

        var text = new StringBuilder();
        text.Append("Hello ").Append(model.ApproverName).Append(",\n\n");
        if (reminder is not null)
        {
            text.Append(reminder).Append("\n\n");
        }

        text.Append(intro).Append("\n\n").Append(model.Heading).Append("\n\n");
        foreach (var line in model.Introduction)
        {
            text.Append(line).Append('\n');
        }

        text.Append("\nPlease decide by ").Append(due).Append(".\n");
        foreach (var item in model.Items)
        {
            text.Append("\n* ").Append(item.Title).Append('\n');
            foreach (var line in item.Description)
            {
                text.Append("  ").Append(line).Append('\n');
            }

            text.Append("  Approve: ").Append(item.ApproveLink.AbsoluteUri).Append('\n');
            text.Append("  Decline: ").Append(item.DeclineLink.AbsoluteUri).Append('\n');
        }

        text.Append("\nEach link opens a page where you confirm your choice and may add a comment.\n");
        if (model.CharterText is not null)
        {
            text.Append('\n').Append(model.CharterText);
        }

        return new RenderedEmail(subject, html.ToString(), text.ToString());
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
