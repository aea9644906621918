namespace MentorFlow.Workflows.Api;

/// <summary>One route of the HR API: its function name, HTTP method and template below <c>/api/</c>.</summary>
/// <param name="Name">The Azure Functions function name serving it.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Template">The route below the <c>api</c> prefix, e.g. <c>programs/{id}</c>.</param>
/// <param name="RequiresKey">False only for the liveness probe.</param>
public sealed record ApiRoute(string Name, string Method, string Template, bool RequiresKey = true);
