using System.ComponentModel.DataAnnotations;

namespace MentorFlow.Workflows.Email;

/// <summary>Where links in emails point (<c>MentorFlow:PublicBaseUrl</c>): the address people reach MentorFlow at.</summary>
public sealed class LinkOptions
{
    public const string Section = "MentorFlow";

    [Required(ErrorMessage = "Set MentorFlow:PublicBaseUrl to the address people reach MentorFlow at (links in emails use it).")]
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The absolute URL of an API route, e.g. <c>api/approvals/…</c>.</summary>
    public Uri Link(string relative)
    {
        var root = PublicBaseUrl ?? throw new InvalidOperationException("MentorFlow:PublicBaseUrl is not set.");
        var text = root.ToString();
        return new Uri(new Uri(text.EndsWith('/') ? text : text + "/"), relative);
    }
}
