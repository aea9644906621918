namespace MentorFlow.Integrations.Crm;

/// <summary>
/// Counts the HTTP requests the Dataverse and Salesforce sources send for data — every attempt, retries included;
/// Salesforce's token requests are not data and are not counted. A load of N records should take
/// ceil(N / page size) requests (5,000 a page for Dataverse, 2,000 for Salesforce); the benchmark prints this figure.
/// </summary>
public sealed class CrmRequestCounter
{
    private long requests;

    /// <summary>Requests sent since start (or the last <see cref="Reset"/>).</summary>
    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Starts counting again from zero.</summary>
    public void Reset() => Interlocked.Exchange(ref requests, 0);

    /// <summary>A handler that counts each request passing through it; put it inside the retry handler.</summary>
    internal DelegatingHandler CreateHandler() => new CountingHandler(this);

    private sealed class CountingHandler(CrmRequestCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counter.requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
