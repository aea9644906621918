using MentorFlow.Integrations.Email;
using MentorFlow.Integrations.SendGridEvents;
using MentorFlow.Workflows.Api;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Local.Hosting;

/// <summary>Maps the HR API (<see cref="ApiRoutes"/>) onto the same <see cref="ProgramApi"/> handlers the Functions app calls.</summary>
internal static class ApiEndpoints
{
    public static void MapMentorFlowApi(this IEndpointRouteBuilder app, string apiKey)
    {
        var filter = new ApiKeyFilter(apiKey);
        var saved = ActivatorUtilities.CreateInstance<SavedBeforeAcknowledgedFilter>(app.ServiceProvider);
        foreach (var route in ApiRoutes.All)
        {
            var handler = Handler(route);
            var endpoint = app.MapMethods($"/{ApiRoutes.Prefix}/{route.Template}", [route.Method], handler).WithName(route.Name);
            if (ApiRoutes.FormPosts.Contains(route))
            {
                // The approval and form pages post HTML forms; the signed token, not a cookie, authorises them.
                endpoint.DisableAntiforgery();
            }

            if (route.RequiresKey)
            {
                endpoint.AddEndpointFilter(filter);
            }
            else
            {
                // Marks the route as keyless, as AuthorizationLevel.Anonymous does in the Functions app.
                endpoint.AllowAnonymous();
            }

            if (route.Method == "POST")
            {
                // After the key check (filters run in the order added): it waits around the handler only.
                endpoint.AddEndpointFilter(saved);
            }
        }
    }

    /// <summary>The local outbox (local host only, key required): every email sent, newest first.</summary>
    public static void MapDevOutbox(this IEndpointRouteBuilder app, string apiKey) =>
        app.MapGet($"/{ApiRoutes.Prefix}/dev/outbox", async (OutboxReader outbox, CancellationToken ct) => Results.Json(await outbox.ListAsync(ct), MentorFlowJson.Options))
            .WithName("DevOutbox")
            .WithMetadata(new LocalOnlyRoute())
            .AddEndpointFilter(new ApiKeyFilter(apiKey));

    private static Delegate Handler(ApiRoute route) => route.Name switch
    {
        nameof(ApiRoutes.CreateProgram) => (HttpRequest request, ProgramApi api, DurableTaskClient client, CancellationToken ct) =>
            api.CreateAsync(request, client, ct),
        nameof(ApiRoutes.ListPrograms) => (ProgramApi api, CancellationToken ct) => api.ListAsync(ct),
        nameof(ApiRoutes.GetProgram) => (string id, ProgramApi api, DurableTaskClient client, CancellationToken ct) =>
            api.GetAsync(client, id, ct),
        nameof(ApiRoutes.CancelProgram) => (string id, HttpRequest request, ProgramApi api, DurableTaskClient client, CancellationToken ct) =>
            api.CancelAsync(request, client, id, ct),
        nameof(ApiRoutes.GetProgramAudit) => (string id, ProgramApi api, CancellationToken ct) => api.GetAuditAsync(id, ct),
        nameof(ApiRoutes.GetProgramCandidates) => (string id, HttpRequest request, CriteriaApi api, CancellationToken ct) =>
            api.CandidatesAsync(request, id, ct),
        nameof(ApiRoutes.GetProgramNominations) => (string id, HttpRequest request, CriteriaApi api, CancellationToken ct) =>
            api.NominationsAsync(request, id, ct),
        nameof(ApiRoutes.GetProgramPairs) => (string id, HttpRequest request, CohortApi api, CancellationToken ct) =>
            api.PairsAsync(request, id, ct),
        nameof(ApiRoutes.GetProgramCheckIns) => (string id, HttpRequest request, CohortApi api, CancellationToken ct) =>
            api.CheckInsAsync(request, id, ct),
        nameof(ApiRoutes.GetProgramStories) => (string id, HttpRequest request, CohortApi api, CancellationToken ct) =>
            api.StoriesAsync(request, id, ct),
        nameof(ApiRoutes.GetProgramPledges) => (string id, HttpRequest request, CohortApi api, CancellationToken ct) =>
            api.PledgesAsync(request, id, ct),
        nameof(ApiRoutes.Health) => (HealthApi api, DurableTaskClient client, CancellationToken ct) => api.CheckAsync(client, ct),
        nameof(ApiRoutes.ShowApproval) => (string token, HttpRequest request, ApprovalApi api, CancellationToken ct) =>
            api.ShowAsync(request, token, ct),
        nameof(ApiRoutes.DecideApproval) => (string token, HttpRequest request, ApprovalApi api, DurableTaskClient client, CancellationToken ct) =>
            api.DecideAsync(request, client, token, ct),
        nameof(ApiRoutes.ShowCheckIn) => (string token, HttpRequest request, FormApi api, CancellationToken ct) =>
            api.ShowCheckInAsync(request, token, ct),
        nameof(ApiRoutes.AnswerCheckIn) => (string token, HttpRequest request, FormApi api, CancellationToken ct) =>
            api.AnswerCheckInAsync(request, token, ct),
        nameof(ApiRoutes.ShowStory) => (string token, HttpRequest request, FormApi api, CancellationToken ct) =>
            api.ShowStoryAsync(request, token, ct),
        nameof(ApiRoutes.SubmitStory) => (string token, HttpRequest request, FormApi api, CancellationToken ct) =>
            api.SubmitStoryAsync(request, token, ct),
        nameof(ApiRoutes.SendGridEvents) => (HttpRequest request, SendGridEventsEndpoint endpoint, DurableTaskClient client, CancellationToken ct) =>
            endpoint.ReceiveAsync(request, client, ct),
        _ => throw new InvalidOperationException($"Route {route.Name} has no local handler."),
    };
}
