namespace MentorFlow.Workflows.Definitions;

/// <summary>Who the program is for. Empty lists mean "no restriction" on that dimension.</summary>
/// <param name="Description">The population in words.</param>
/// <param name="Departments">Departments included.</param>
/// <param name="JobTitles">Job titles included.</param>
/// <param name="Countries">Countries included.</param>
public sealed record TargetPopulation(
    string Description,
    IReadOnlyList<string> Departments,
    IReadOnlyList<string> JobTitles,
    IReadOnlyList<string> Countries);
