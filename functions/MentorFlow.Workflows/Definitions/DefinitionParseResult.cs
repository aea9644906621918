using System.Diagnostics.CodeAnalysis;

namespace MentorFlow.Workflows.Definitions;

/// <summary>
/// The outcome of parsing a program definition: either a typed definition and no problems,
/// or every problem found and no definition. Never both, so a half-valid program cannot start.
/// </summary>
public sealed class DefinitionParseResult
{
    private DefinitionParseResult(ProgramDefinition? definition, IReadOnlyList<DefinitionProblem> problems)
    {
        Definition = definition;
        Problems = problems;
    }

    /// <summary>The typed definition; set exactly when <see cref="IsValid"/> is true.</summary>
    public ProgramDefinition? Definition { get; }

    /// <summary>Every problem found, in document order; empty when the definition is valid.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; }

    /// <summary>True when there are no problems, and so <see cref="Definition"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Definition))]
    public bool IsValid => Problems.Count == 0;

    /// <summary>A valid result carrying <paramref name="definition"/>.</summary>
    public static DefinitionParseResult Success(ProgramDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new DefinitionParseResult(definition, []);
    }

    /// <summary>An invalid result; at least one problem is required, or it would read as valid.</summary>
    public static DefinitionParseResult Failure(IEnumerable<DefinitionProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var list = problems.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("An invalid result needs at least one problem.", nameof(problems));
        }

        return new DefinitionParseResult(null, Array.AsReadOnly(list));
    }
}
