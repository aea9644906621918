using MentorFlow.Workflows.Api;
using MentorFlow.Workflows.Dashboard;

namespace MentorFlow.Local.Hosting;

/// <summary>
/// Serves the HR dashboard at <c>/api/dashboard/</c>, the route the Functions app serves it on too, and sends
/// <c>/</c> there (a convenience of the local host only, so it is left out of the parity check).
/// </summary>
internal static class DashboardEndpoints
{
    public static void MapMentorFlowDashboard(this IEndpointRouteBuilder app)
    {
        var assets = DashboardAssets.Embedded;

        // Keyless, like AuthorizationLevel.Anonymous in the Functions app: the files hold no data; the page sends
        // the key its user enters with every API call.
        app.MapGet($"/{ApiRoutes.Prefix}/{DashboardAssets.RouteTemplate}", (HttpRequest request) => assets.Serve(request))
            .WithName(DashboardAssets.FunctionName)
            .AllowAnonymous();

        app.MapGet("/", (HttpRequest request) => Results.Redirect($"{request.PathBase}{DashboardAssets.PagePath}"))
            .WithName("DashboardHome")
            .WithMetadata(new LocalOnlyRoute())
            .AllowAnonymous();
    }
}
