namespace MentorFlow.Workflows.Definitions;

/// <summary>
/// One thing wrong with a submitted program definition: where it is (a JSON path such as
/// <c>criteria.mentee.eligibility[1]</c>, or <c>$</c> for the whole document) and a sentence HR can act on.
/// </summary>
/// <param name="Path">Dotted camelCase path with array indices; <c>$</c> is the document itself.</param>
/// <param name="Message">A complete sentence that says what is wrong and, where it helps, what is allowed.</param>
public sealed record DefinitionProblem(string Path, string Message);
