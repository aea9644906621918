using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Tests.Definitions;

/// <summary>The samples under samples/programs are what people copy, so they must stay valid.</summary>
public class SampleProgramTests
{
    private static readonly DateTimeOffset Start = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> SampleFiles => new(
        Directory.GetFiles(SamplesFolder, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    private static string SamplesFolder => Path.Combine(AppContext.BaseDirectory, "samples");

    [Theory]
    [InlineData("sales-leadership-2027.json")]
    [InlineData("quick-demo.json")]
    public void Parse_DocumentedSample_IsValid(string fileName)
    {
        var result = ProgramDefinitionParser.Parse(File.ReadAllText(Path.Combine(SamplesFolder, fileName)));

        ProblemAssert.Valid(result);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Parse_EverySampleFile_IsValid(string fileName)
    {
        var result = ProgramDefinitionParser.Parse(File.ReadAllText(Path.Combine(SamplesFolder, fileName)));

        ProblemAssert.Valid(result);
    }

    [Fact]
    public void Parse_SalesLeadershipSample_MatchesTheDocumentedValues()
    {
        var definition = Load("sales-leadership-2027.json");

        Assert.Equal("Sales Leadership Mentoring 2027", definition.Name);
        Assert.Equal(IsoDuration.Parse("P5D"), definition.Approvals.Timeout);
        Assert.Equal(6, definition.Pilot.Pairs);
        Assert.Equal(IsoDuration.Parse("P84D"), definition.Pilot.Duration);
        Assert.Equal(IsoDuration.Parse("P180D"), definition.Rollout.Duration);
    }

    [Fact]
    public void Parse_QuickDemo_EveryWaitIsUnderAMinute()
    {
        var definition = Load("quick-demo.json");

        IsoDuration[] waits =
        [
            definition.Approvals.Timeout, .. definition.Approvals.Reminders,
            definition.Pilot.Duration, .. definition.Pilot.CheckIns,
            definition.Rollout.Duration, .. definition.Rollout.CheckIns,
            definition.Stories.RequestAfter,
        ];
        Assert.All(waits, wait => Assert.True(wait.AddTo(Start) - Start <= TimeSpan.FromMinutes(1), $"{wait} is too long for a demo."));
    }

    private static ProgramDefinition Load(string fileName)
    {
        var result = ProgramDefinitionParser.Parse(File.ReadAllText(Path.Combine(SamplesFolder, fileName)));
        ProblemAssert.Valid(result);
        return result.Definition!;
    }
}
