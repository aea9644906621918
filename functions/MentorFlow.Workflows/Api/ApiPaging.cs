using Microsoft.AspNetCore.Http;

namespace MentorFlow.Workflows.Api;

/// <summary>The <c>?top=&amp;skip=</c> paging of every list in the read API.</summary>
internal static class ApiPaging
{
    public const int DefaultTop = 100;
    public const int MaxTop = 1000;

    /// <summary>Reads skip (0 or more, default 0) and top (1–<see cref="MaxTop"/>, default <see cref="DefaultTop"/>); otherwise a 400 problem.</summary>
    public static bool TryRead(HttpRequest request, out int skip, out int top, out IResult? problem)
    {
        skip = 0;
        top = DefaultTop;
        problem = null;
        var skipText = request.Query["skip"].ToString();
        var topText = request.Query["top"].ToString();
        if ((skipText.Length > 0 && (!int.TryParse(skipText, out skip) || skip < 0))
            || (topText.Length > 0 && (!int.TryParse(topText, out top) || top < 1 || top > MaxTop)))
        {
            problem = Problems.Create(
                StatusCodes.Status400BadRequest, "Invalid paging.", $"skip must be 0 or more and top between 1 and {MaxTop}.");
            return false;
        }

        return true;
    }
}
