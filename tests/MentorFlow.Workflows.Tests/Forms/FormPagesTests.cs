using System.Text.RegularExpressions;
using MentorFlow.Workflows.Cohorts;
using MentorFlow.Workflows.Cohorts.Pages;
using MentorFlow.Workflows.Programs;

namespace MentorFlow.Workflows.Tests.Forms;

public sealed partial class FormPagesTests
{
    private const string Hostile = "<script>alert('x')</script> & \"quoted\"";
    private const string EncodedHostile = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;";
    private static readonly DateTimeOffset At = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> PageNames =>
        ["CheckIn", "CheckInRefused", "CheckInThanks", "CheckInAlreadyAnswered", "Story", "StoryRefused", "StoryThanks", "StoryAlreadySubmitted"];

    [Theory]
    [MemberData(nameof(PageNames))]
    public void Render_HostileValues_AreShownAsTextWithoutScripts(string page)
    {
        var html = Render(page, Hostile);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(EventHandlerAttribute(), html);
        Assert.DoesNotContain("\"quoted\"", html, StringComparison.Ordinal);
        Assert.Contains(EncodedHostile, html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PageNames))]
    public void Render_EveryFormControl_HasALabel(string page)
    {
        var html = Render(page, "Mia Mentee");

        foreach (Match control in FormControl().Matches(html))
        {
            var id = control.Groups["id"].Value;
            Assert.True(Regex.IsMatch(html, $"<label[^>]*\\sfor=\"{Regex.Escape(id)}\""), $"The control '{id}' has no label.");
        }
    }

    [Fact]
    public void CheckIn_LowRatingThanks_SaysTheProgramManagerWasTold()
    {
        var html = FormPages.CheckInThanks(CheckInModel("Mia"), new CheckInAnswer(CheckInAnswer.AlertAtOrBelow, null, At));

        Assert.Contains("The program manager has been told", html, StringComparison.Ordinal);
    }

    private static string Render(string page, string text)
    {
        var checkIn = CheckInModel(text);
        var story = new StoryPageModel(text, text, text, ParticipantRoles.Mentor, At.AddDays(7));
        var errors = new[] { new FormFieldError(FormPages.CommentField, text), new FormFieldError(FormPages.SuggestionField, text) };
        var stored = new StoryRecord
        {
            ProgramId = "prg-1",
            StoryId = "0001-mentor",
            Role = ParticipantRoles.Mentor,
            ParticipantEmail = text,
            ParticipantName = text,
            RequestedAt = At,
            Story = text,
            BestPractice = text,
            Suggestion = text,
            SubmittedAt = At,
            Status = StoryStatus.Submitted,
        };
        return page switch
        {
            "CheckIn" => FormPages.CheckIn(checkIn, "/api/checkins/t"),
            "CheckInRefused" => FormPages.CheckIn(checkIn, "/api/checkins/t", new CheckInFormValues(text, text), errors),
            "CheckInThanks" => FormPages.CheckInThanks(checkIn, new CheckInAnswer(4, text, At)),
            "CheckInAlreadyAnswered" => FormPages.CheckInAlreadyAnswered(checkIn, 4, text, At),
            "Story" => FormPages.Story(story, "/api/stories/t"),
            "StoryRefused" => FormPages.Story(story, "/api/stories/t", new StoryFormValues(text, text, true, text), errors),
            "StoryThanks" => FormPages.StoryThanks(story, new StorySubmission(text, text, true, text, At)),
            "StoryAlreadySubmitted" => FormPages.StoryAlreadySubmitted(story, stored),
            _ => throw new ArgumentOutOfRangeException(nameof(page)),
        };
    }

    private static CheckInPageModel CheckInModel(string text) =>
        new(text, text, text, ParticipantRoles.Mentee, text, StageName.Pilot, 1, 3, At.AddDays(7));

    [GeneratedRegex("\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex("<(?:input|textarea)[^>]*\\sid=\"(?<id>[^\"]+)\"")]
    private static partial Regex FormControl();
}
