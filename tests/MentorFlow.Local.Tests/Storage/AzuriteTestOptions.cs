using MentorFlow.Local.Storage;
using MentorFlow.Testing;

namespace MentorFlow.Local.Tests.Storage;

/// <summary>Options and HTTP access the Azurite process tests share.</summary>
internal static class AzuriteTestOptions
{
    /// <summary>Covers a first-ever npm install as well as a start.</summary>
    public static readonly TimeSpan StartBudget = TimeSpan.FromMinutes(5);

    // No proxy: loopback requests must reach the emulator directly.
    public static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Free ports, never 10000-10002, so a developer's running host is left alone.</summary>
    public static AzuriteOptions Create(string? dataLocation = null, int? preferredBlobPort = null) => new()
    {
        ToolsDirectory = TestPaths.ToolsDirectory,
        DataLocation = dataLocation,
        PreferredBlobPort = preferredBlobPort,
        StopTimeout = TimeSpan.FromSeconds(2),
    };

    /// <summary>GETs the table service's table list; Azurite answers 403 to an unsigned request, which is still Azurite answering.</summary>
    public static async Task<HttpResponseMessage> GetTablesAsync(Uri tableEndpoint) =>
        await Http.GetAsync(new Uri(tableEndpoint.AbsoluteUri.TrimEnd('/') + "/Tables"));

    public static string ServerOf(HttpResponseMessage response) => string.Join(" ", response.Headers.Server.Select(s => s.ToString()));
}
