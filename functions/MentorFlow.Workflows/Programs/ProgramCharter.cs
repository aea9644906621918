using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Programs;

/// <summary>The Define stage's outcome: what the program is for, for whom, and how success is measured.</summary>
public sealed record ProgramCharter(
    string Name,
    string Purpose,
    string Scope,
    TargetPopulation TargetPopulation,
    IReadOnlyList<LearningOutcome> LearningOutcomes,
    IReadOnlyList<string> Benefits,
    Person ProgramManager,
    Person Sponsor,
    DateTimeOffset DefinedAt)
{
    /// <summary>The charter part of a definition.</summary>
    public static ProgramCharter From(ProgramDefinition definition, DateTimeOffset definedAt) => new(
        definition.Name,
        definition.Purpose,
        definition.Scope,
        definition.TargetPopulation,
        definition.LearningOutcomes,
        definition.Benefits,
        definition.ProgramManager,
        definition.Sponsor,
        definedAt);
}
