using System.Net;
using System.Net.Sockets;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace MentorFlow.Integrations.Tests.Email;

/// <summary>A local stand-in for SendGrid's <c>/v3/mail/send</c>: WireMock on 127.0.0.1, a free port.</summary>
internal sealed class SendGridFake : IDisposable
{
    private const string MailSendPath = "/v3/mail/send";
    private const string Scenario = "mail-send";
    private readonly WireMockServer server;

    public SendGridFake()
    {
        server = StartOnFreePort();
        BaseUrl = new Uri(server.Url!);
    }

    public Uri BaseUrl { get; }

    /// <summary>The requests that reached mail/send, in order.</summary>
    public IReadOnlyList<IRequestMessage> Requests =>
        [.. server.LogEntries.Select(e => e.RequestMessage).Where(r => r.Path == MailSendPath).OrderBy(r => r.DateTime)];

    /// <summary>Answers the calls with these responses in turn; the last one answers every call after.</summary>
    public void Respond(params IResponseBuilder[] responses)
    {
        if (responses.Length == 1)
        {
            // WireMock only knows a scenario once a mapping moves it to another state.
            server.Given(Request.Create().WithPath(MailSendPath).UsingPost()).RespondWith(responses[0]);
            return;
        }

        for (var i = 0; i < responses.Length; i++)
        {
            var mapping = server.Given(Request.Create().WithPath(MailSendPath).UsingPost()).InScenario(Scenario);
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

    public static IResponseBuilder Accepted(string messageId = "sg-msg-1") =>
        Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", messageId);

    public static IResponseBuilder Status(int status) => Response.Create().WithStatusCode(status);

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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
