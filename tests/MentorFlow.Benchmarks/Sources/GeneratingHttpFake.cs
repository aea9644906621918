using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace MentorFlow.Benchmarks.Sources;

/// <summary>
/// A local HTTP fake as in the integration tests (WireMock on 127.0.0.1, a free port), except that every answer is
/// written by <paramref name="answer"/> when its request arrives: half a million rows are never held as JSON. It keeps
/// only its last request in its log (a page is megabytes) and counts the requests it answered.
/// </summary>
internal sealed class GeneratingHttpFake : IDisposable
{
    private readonly WireMockServer server;
    private long requests;
    private long answering;

    public GeneratingHttpFake(Func<IRequestMessage, Uri, FakeAnswer> answer)
    {
        server = StartOnFreePort();

        // server.Url says localhost; the clients are pointed at the loopback address the fake listens on.
        BaseUrl = new Uri($"http://127.0.0.1:{server.Port}");
        server.Given(Request.Create().WithPath(new WildcardMatcher("/*")).UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(request =>
            {
                Interlocked.Increment(ref requests);
                var started = Stopwatch.GetTimestamp();
                var (status, body) = answer(request, BaseUrl);
                Interlocked.Add(ref answering, Stopwatch.GetTimestamp() - started);
                return new ResponseMessage
                {
                    StatusCode = status,
                    Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json; charset=utf-8") },
                    BodyData = new BodyData { DetectedBodyType = BodyType.Bytes, BodyAsBytes = body },
                };
            }));
    }

    /// <summary><c>http://127.0.0.1:{port}</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Requests that reached the fake.</summary>
    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Time the fake spent writing its answers: not the adapter's.</summary>
    public TimeSpan Answering => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref answering));

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
                return WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort()}"], MaxRequestLogCount = 1 });
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
