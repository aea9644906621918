using System.Text.Json.Nodes;
using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Tests.Definitions;

/// <summary>Durations are positive ISO 8601 text; check-ins and reminders are ascending and inside their limit.</summary>
public class DurationRuleTests
{
    [Theory]
    [InlineData("criteria.performanceWindow")]
    [InlineData("approvals.timeout")]
    [InlineData("pilot.duration")]
    [InlineData("rollout.duration")]
    [InlineData("stories.requestAfter")]
    [InlineData("rollout.checkIns[0]")]
    public void Parse_DurationNotIso_ShowsAnExample(string path)
    {
        var result = DefinitionBuilder.Valid().Set(path, "5 days").Parse();

        var problem = ProblemAssert.Single(result, path, "must be an ISO 8601 duration such as P5D or PT10S");
        Assert.Contains("'5 days'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PT0S")]
    [InlineData("P0D")]
    [InlineData("-P5D")]
    public void Parse_ZeroOrNegativeDuration_ReportsMustBeLongerThanZero(string text)
    {
        var result = DefinitionBuilder.Valid().Set("stories.requestAfter", text).Parse();

        ProblemAssert.Single(result, "stories.requestAfter", "must be longer than zero");
    }

    [Fact]
    public void Parse_DurationPastTheCalendar_ReportsTooLong()
    {
        var result = DefinitionBuilder.Valid().Set("stories.requestAfter", "P9000Y").Parse();

        ProblemAssert.Single(result, "stories.requestAfter", "is too long");
    }

    [Theory]
    [InlineData("PT10S")]
    [InlineData("P2W")]
    [InlineData("PT1H30M")]
    [InlineData("P1Y")]
    public void Parse_AnyPositiveDuration_IsAccepted(string text)
    {
        var definition = DefinitionBuilder.Valid().Set("stories.requestAfter", text).ParseValid();

        Assert.Equal(IsoDuration.Parse(text), definition.Stories.RequestAfter);
    }

    [Theory]
    [InlineData("P84D")]
    [InlineData("P90D")]
    [InlineData("P12W")]
    public void Parse_CheckInAtOrAfterTheEnd_ReportsItMustFallInside(string checkIn)
    {
        var result = DefinitionBuilder.Valid().Set("pilot.checkIns[1]", checkIn).Parse();

        ProblemAssert.Single(result, "pilot.checkIns[1]", "must fall inside the pilot, which lasts P84D.");
    }

    [Fact]
    public void Parse_CheckInsOutOfOrder_ReportsTheOneThatGoesBack()
    {
        var result = DefinitionBuilder.Valid().Set("rollout.checkIns", new JsonArray("P90D", "P30D", "P120D")).Parse();

        ProblemAssert.Single(result, "rollout.checkIns[1]", "must come after the check-in before it (P90D)");
    }

    [Fact]
    public void Parse_SameCheckInTwice_ReportsTheRepeat()
    {
        var result = DefinitionBuilder.Valid().Set("pilot.checkIns", new JsonArray("P14D", "P2W")).Parse();

        ProblemAssert.Single(result, "pilot.checkIns[1]", "ascending order");
    }

    [Fact]
    public void Parse_CheckInsInMonthsAndDays_CompareByTheCalendar()
    {
        // From 2000-01-01, P6M is 182 days: past a P180D rollout; P5M (152 days) is inside it.
        var tooLate = DefinitionBuilder.Valid().Set("rollout.checkIns", new JsonArray("P30D", "P6M")).Parse();
        var inside = DefinitionBuilder.Valid().Set("rollout.checkIns", new JsonArray("P1M", "P5M")).Parse();

        ProblemAssert.Single(tooLate, "rollout.checkIns[1]", "must fall inside the rollout, which lasts P180D.");
        ProblemAssert.Valid(inside);
    }

    [Fact]
    public void Parse_ShortCheckInsInsideShortStage_AreAccepted()
    {
        var definition = DefinitionBuilder.Valid()
            .Set("pilot.duration", "PT1M")
            .Set("pilot.checkIns", new JsonArray("PT10S", "PT30.5S"))
            .ParseValid();

        Assert.Equal([IsoDuration.Parse("PT10S"), IsoDuration.Parse("PT30.5S")], definition.Pilot.CheckIns);
    }

    [Fact]
    public void Parse_InvalidStageDuration_StillChecksCheckInOrder()
    {
        var result = DefinitionBuilder.Valid()
            .Set("pilot.duration", "twelve weeks")
            .Set("pilot.checkIns", new JsonArray("P42D", "P14D"))
            .Parse();

        ProblemAssert.Paths(result, "pilot.duration", "pilot.checkIns[1]");
    }

    [Fact]
    public void Parse_InvalidCheckIn_ComparesTheNextWithTheLastValidOne()
    {
        var result = DefinitionBuilder.Valid().Set("pilot.checkIns", new JsonArray("P14D", "soon", "P7D")).Parse();

        ProblemAssert.Paths(result, "pilot.checkIns[1]", "pilot.checkIns[2]");
        Assert.Contains("(P14D)", result.Problems[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P5D")]
    [InlineData("P6D")]
    [InlineData("PT120H")]
    public void Parse_ReminderAtOrAfterTimeout_ReportsItWouldNeverBeSent(string reminder)
    {
        var result = DefinitionBuilder.Valid().Set("approvals.reminders[1]", reminder).Parse();

        ProblemAssert.Single(result, "approvals.reminders[1]", "must come before the approval timeout (P5D)");
    }

    [Fact]
    public void Parse_RemindersOutOfOrder_ReportsTheOneThatGoesBack()
    {
        var result = DefinitionBuilder.Valid().Set("approvals.reminders", new JsonArray("P4D", "P2D")).Parse();

        ProblemAssert.Single(result, "approvals.reminders[1]", "Reminder P2D must come after the reminder before it (P4D)");
    }

    [Fact]
    public void Parse_ReminderInHoursBeforeTimeoutInDays_IsAccepted()
    {
        var definition = DefinitionBuilder.Valid().Set("approvals.reminders", new JsonArray("PT36H", "P4DT12H")).ParseValid();

        Assert.Equal(2, definition.Approvals.Reminders.Count);
    }
}
