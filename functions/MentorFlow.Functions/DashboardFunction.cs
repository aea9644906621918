using MentorFlow.Workflows.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorFlow.Functions;

/// <summary>
/// The HR dashboard's static files at <c>GET /api/dashboard/{*path}</c>, exactly as the local host serves them.
/// Anonymous: the files hold no data; the page calls the HR API with the function key its user enters (kept in the
/// browser tab's sessionStorage). App Service authentication can put Entra ID sign-in in front of the whole app.
/// </summary>
public static class DashboardFunction
{
    [Function(DashboardAssets.FunctionName)]
    public static IActionResult Dashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DashboardAssets.RouteTemplate)] HttpRequest request) =>
        new ResultActionResult(DashboardAssets.Embedded.Serve(request));
}
