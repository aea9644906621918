using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Tests.Definitions;

/// <summary>Assertions that print every problem when they fail, so a failing rule test explains itself.</summary>
internal static class ProblemAssert
{
    /// <summary>Exactly one problem, at <paramref name="path"/>, whose message contains <paramref name="messagePart"/>.</summary>
    public static DefinitionProblem Single(DefinitionParseResult result, string path, string messagePart)
    {
        Assert.False(result.IsValid, "Expected a problem but the definition was valid.");
        Assert.Null(result.Definition);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(messagePart, problem.Message, StringComparison.Ordinal);
        return problem;
    }

    /// <summary>The problems are at exactly these paths, in this order.</summary>
    public static void Paths(DefinitionParseResult result, params string[] paths)
    {
        Assert.Null(result.Definition);
        Assert.Equal(paths, result.Problems.Select(p => p.Path).ToArray());
    }

    public static void Valid(DefinitionParseResult result)
    {
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.NotNull(result.Definition);
    }
}
