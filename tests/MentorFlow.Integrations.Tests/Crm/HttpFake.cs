using System.Net;
using System.Net.Sockets;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace MentorFlow.Integrations.Tests.Crm;

/// <summary>
/// A local HTTP fake for the real Graph, Dataverse and Salesforce clients: WireMock on 127.0.0.1, a free port. Each
/// <see cref="Respond"/> answers its requests with the given responses in turn, the last one for every call after.
/// </summary>
internal sealed class HttpFake : IDisposable
{
    private readonly WireMockServer server;

    public HttpFake()
    {
        server = StartOnFreePort();

        // server.Url says localhost; the clients are pointed at the loopback address the fake listens on.
        BaseUrl = new Uri($"http://127.0.0.1:{server.Port}");
    }

    /// <summary><c>http://127.0.0.1:{port}</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The requests that reached the fake, in order.</summary>
    public IReadOnlyList<IRequestMessage> Requests =>
        [.. server.LogEntries.Select(e => e.RequestMessage).OrderBy(r => r.DateTime)];

    /// <summary>The requests to <paramref name="path"/>, in order.</summary>
    public IReadOnlyList<IRequestMessage> RequestsTo(string path) => [.. Requests.Where(r => r.Path == path)];

    /// <summary>The URL of <paramref name="pathAndQuery"/> on the fake.</summary>
    public string Url(string pathAndQuery) => new Uri(BaseUrl, pathAndQuery).AbsoluteUri;

    public void Respond(IRequestBuilder request, params IResponseBuilder[] responses)
    {
        if (responses.Length == 1)
        {
            server.Given(request).RespondWith(responses[0]);
            return;
        }

        // WireMock only knows a scenario once a mapping moves it on, so each sequence gets its own.
        var scenario = Guid.NewGuid().ToString("N");
        for (var i = 0; i < responses.Length; i++)
        {
            var mapping = server.Given(request).InScenario(scenario);
            if (i > 0)
            {
                mapping = mapping.WhenStateIs($"call-{i}");
            }

            if (i < responses.Length - 1)
            {
                mapping = mapping.WillSetStateTo($"call-{i + 1}");
            }

            mapping.RespondWith(responses[i]);
        }
    }

    public static IResponseBuilder Json(string json, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(json);

    public static IResponseBuilder Throttled(int retryAfterSeconds = 1) =>
        Response.Create().WithStatusCode(429).WithHeader("Retry-After", retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithHeader("Content-Type", "application/json").WithBody("""{"error":{"code":"TooManyRequests","message":"Slow down"}}""");

    public static IResponseBuilder Status(int status, string body = "", string contentType = "application/json") =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body);

    public void Dispose()
    {
        server.Stop();
        server.Dispose();
    }

    private static WireMockServer StartOnFreePort()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort()}"] });
            }
            catch (IOException) when (attempt < 5)
            {
                // Someone took the port between probing and binding: probe again.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
