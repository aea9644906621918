using System.Net;
using System.Net.Sockets;
using Azure;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace MentorFlow.Local.Storage;

/// <summary>What answered on an Azurite's ports.</summary>
internal enum ProbeResult
{
    /// <summary>Nothing (yet): a port refused the connection or the request timed out.</summary>
    NoAnswer,

    /// <summary>An emulator answered but refused our account's signed request: it is not ours.</summary>
    Foreign,

    /// <summary>Blob, queue and table each accepted a request signed with our account's key.</summary>
    Ours,
}

/// <summary>
/// Whether our Azurite answers: a request signed with the folder's own account key succeeds on blob, queue and
/// table. Another emulator listening on the same ports (another host's, a developer's) refuses the signature, so a
/// host is never fooled into using storage it did not start.
/// </summary>
internal static class EndpointProbe
{
    // No proxy: a machine-wide HTTP_PROXY must not route a loopback probe elsewhere. No pooling: a kept-alive probe
    // connection is one more thing Azurite waits on when it shuts down.
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.Zero })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public static async Task<ProbeResult> ProbeAsync(
        AzuriteCommandLine commandLine, AzuriteAccount account, TimeSpan timeout, CancellationToken cancellationToken)
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

            var connectionString = ConnectionString(commandLine, account);
            var transport = new HttpClientTransport(Http);
            await new TableServiceClient(connectionString, Configure(new TableClientOptions(), transport, timeout))
                .GetPropertiesAsync(timeoutSource.Token).ConfigureAwait(false);
            await new QueueServiceClient(connectionString, Configure(new QueueClientOptions(), transport, timeout))
                .GetPropertiesAsync(timeoutSource.Token).ConfigureAwait(false);
            await new BlobServiceClient(connectionString, Configure(new BlobClientOptions(), transport, timeout))
                .GetPropertiesAsync(timeoutSource.Token).ConfigureAwait(false);
            return ProbeResult.Ours;
        }
        catch (RequestFailedException ex) when (ex.Status != 0)
        {
            // An HTTP answer that is not success: an emulator is there, but it does not know our account or key.
            return ProbeResult.Foreign;
        }
        catch (Exception ex) when (ex is SocketException or HttpRequestException or RequestFailedException or AggregateException)
        {
            return ProbeResult.NoAnswer;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.NoAnswer;
        }
    }

    /// <summary>The full explicit connection string for an Azurite's three endpoints and account.</summary>
    public static string ConnectionString(AzuriteCommandLine commandLine, AzuriteAccount account) =>
        "DefaultEndpointsProtocol=http;" +
        $"AccountName={account.Name};" +
        $"AccountKey={account.Key};" +
        $"BlobEndpoint={ServiceUri(commandLine.Host, commandLine.BlobPort, account.Name).AbsoluteUri.TrimEnd('/')};" +
        $"QueueEndpoint={ServiceUri(commandLine.Host, commandLine.QueuePort, account.Name).AbsoluteUri.TrimEnd('/')};" +
        $"TableEndpoint={ServiceUri(commandLine.Host, commandLine.TablePort, account.Name).AbsoluteUri.TrimEnd('/')};";

    /// <summary>The account's URI on one service port, e.g. http://127.0.0.1:10002/mf0123456789abcdef.</summary>
    public static Uri ServiceUri(string host, int port, string accountName, string? path = null)
    {
        var hostPart = IPAddress.TryParse(host, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6
            ? $"[{host}]"
            : host;
        var suffix = path is null ? string.Empty : "/" + path;
        return new Uri($"http://{hostPart}:{port}/{accountName}{suffix}");
    }

    private static T Configure<T>(T options, HttpPipelineTransport transport, TimeSpan timeout)
        where T : Azure.Core.ClientOptions
    {
        options.Transport = transport;
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = timeout;
        options.Diagnostics.IsLoggingEnabled = false;
        options.Diagnostics.IsDistributedTracingEnabled = false;
        options.Diagnostics.IsTelemetryEnabled = false;
        return options;
    }
}
