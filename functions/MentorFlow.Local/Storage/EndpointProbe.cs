using System.Net;
using System.Net.Sockets;

namespace MentorFlow.Local.Storage;

/// <summary>Whether an Azurite answers: all three ports accept connections and the table service returns any HTTP response.</summary>
internal static class EndpointProbe
{
    // No proxy: a machine-wide HTTP_PROXY must not route a loopback probe elsewhere.
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.Zero })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public static async Task<bool> AnswersAsync(AzuriteCommandLine commandLine, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            foreach (var port in new[] { commandLine.BlobPort, commandLine.QueuePort, commandLine.TablePort })
            {
                using var client = new TcpClient();
                await client.ConnectAsync(commandLine.Host, port, timeoutSource.Token).ConfigureAwait(false);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, ServiceUri(commandLine.Host, commandLine.TablePort, "Tables"));
            // Close after the answer: a kept-alive probe connection is one more thing Azurite waits on when it shuts down.
            request.Headers.ConnectionClose = true;
            using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token)
                .ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The dev-store account's URI on one service port, e.g. http://127.0.0.1:10002/devstoreaccount1.</summary>
    public static Uri ServiceUri(string host, int port, string? path = null)
    {
        var hostPart = IPAddress.TryParse(host, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6
            ? $"[{host}]"
            : host;
        var suffix = path is null ? string.Empty : "/" + path;
        return new Uri($"http://{hostPart}:{port}/{AzuriteProcess.AccountName}{suffix}");
    }
}
