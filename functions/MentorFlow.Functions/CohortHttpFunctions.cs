using MentorFlow.Workflows.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorFlow.Functions;

/// <summary>
/// The cohort routes as HTTP triggers: the read API over pairs, check-ins, stories and pledges (function key), and
/// the participants' check-in and story forms (anonymous: the signed token in the link is the credential). Each hands
/// its request to the same <see cref="CohortApi"/> or <see cref="FormApi"/> handler the local host calls; a test
/// compares these routes with <see cref="ApiRoutes"/> through the published metadata.
/// </summary>
public sealed class CohortHttpFunctions(CohortApi cohorts, FormApi forms)
{
    [Function(nameof(ApiRoutes.GetProgramPairs))]
    public async Task<IActionResult> GetProgramPairs(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "programs/{id}/pairs")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await cohorts.PairsAsync(request, id, cancellationToken));

    [Function(nameof(ApiRoutes.GetProgramCheckIns))]
    public async Task<IActionResult> GetProgramCheckIns(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "programs/{id}/checkins")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await cohorts.CheckInsAsync(request, id, cancellationToken));

    [Function(nameof(ApiRoutes.GetProgramStories))]
    public async Task<IActionResult> GetProgramStories(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "programs/{id}/stories")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await cohorts.StoriesAsync(request, id, cancellationToken));

    [Function(nameof(ApiRoutes.GetProgramPledges))]
    public async Task<IActionResult> GetProgramPledges(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "programs/{id}/pledges")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await cohorts.PledgesAsync(request, id, cancellationToken));

    [Function(nameof(ApiRoutes.ShowCheckIn))]
    public async Task<IActionResult> ShowCheckIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "checkins/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await forms.ShowCheckInAsync(request, token, cancellationToken));

    [Function(nameof(ApiRoutes.AnswerCheckIn))]
    public async Task<IActionResult> AnswerCheckIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "checkins/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await forms.AnswerCheckInAsync(request, token, cancellationToken));

    [Function(nameof(ApiRoutes.ShowStory))]
    public async Task<IActionResult> ShowStory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stories/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await forms.ShowStoryAsync(request, token, cancellationToken));

    [Function(nameof(ApiRoutes.SubmitStory))]
    public async Task<IActionResult> SubmitStory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "stories/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await forms.SubmitStoryAsync(request, token, cancellationToken));
}
