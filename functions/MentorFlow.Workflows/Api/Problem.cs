using System.Text.Json.Serialization;
using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Api;

/// <summary>An RFC 7807 problem document; <see cref="Errors"/> lists each field problem with its JSON path.</summary>
public sealed record Problem(
    string Type,
    string Title,
    int Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Instance = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DefinitionProblem>? Errors = null);
