using MentorFlow.Workflows.Definitions;
using Microsoft.AspNetCore.Http;

namespace MentorFlow.Workflows.Api;

/// <summary>The API's error responses, all <c>application/problem+json</c>.</summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static IResult Create(int status, string title, string? detail = null, IReadOnlyList<DefinitionProblem>? errors = null) =>
        Results.Json(
            new Problem(TypeFor(status), title, status, detail, Errors: errors),
            MentorFlowJson.Options,
            ContentType,
            status);

    public static IResult InvalidDefinition(IReadOnlyList<DefinitionProblem> errors) => Create(
        StatusCodes.Status400BadRequest,
        "The program definition is invalid.",
        $"{errors.Count} problem{(errors.Count == 1 ? "" : "s")} found; nothing was stored and no program was started.",
        errors);

    public static IResult NotFound(string what) => Create(StatusCodes.Status404NotFound, "Not found.", what);

    // The RFC 9110 section for each status, as ASP.NET Core's own problem details do.
    private static string TypeFor(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        _ => "about:blank",
    };
}
