using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MentorFlow.Functions;

/// <summary>Runs a shared handler's <see cref="IResult"/> as the <see cref="IActionResult"/> an HTTP trigger returns.</summary>
internal sealed class ResultActionResult(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}
