namespace MentorFlow.Integrations.CompanyDirectory;

/// <summary>
/// Counts the HTTP requests <see cref="GraphDirectory"/> sends to Microsoft Graph — every attempt, retries included.
/// Loading N users should take ceil(N / 999) requests; the benchmark prints this figure.
/// </summary>
public sealed class GraphRequestCounter
{
    private long requests;

    /// <summary>Requests sent since start (or the last <see cref="Reset"/>).</summary>
    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Starts counting again from zero.</summary>
    public void Reset() => Interlocked.Exchange(ref requests, 0);

    /// <summary>A handler that counts each request passing through it; it goes innermost, below the SDK's retry handler.</summary>
    internal DelegatingHandler CreateHandler() => new CountingHandler(this);

    private sealed class CountingHandler(GraphRequestCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counter.requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
