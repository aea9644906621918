using Azure.Core;

namespace MentorFlow.Integrations.Storage;

/// <summary>
/// Retries and timeouts of the storage clients (<c>MentorFlow:Storage:Retry</c>). Unset, the Azure SDK's defaults apply
/// (3 retries from 0.8 s, 100 s per try): right for Azure, where a blip passes. The local host sets short ones, so
/// a request against a dead emulator fails in well under a second and answers 503 instead of hanging for 5–6 s.
/// </summary>
public sealed class StorageRetryOptions
{
    /// <summary>Retries after the first try (0 or more).</summary>
    public int? MaxRetries { get; set; }

    /// <summary>The first backoff, doubled per retry.</summary>
    public TimeSpan? Delay { get; set; }

    /// <summary>How long one try may take.</summary>
    public TimeSpan? NetworkTimeout { get; set; }

    /// <summary>Sets what is configured on an Azure SDK client's options and returns them.</summary>
    public T Apply<T>(T options)
        where T : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        if (MaxRetries is { } retries and >= 0)
        {
            options.Retry.MaxRetries = retries;
        }

        if (Delay is { } delay)
        {
            options.Retry.Delay = delay;
            options.Retry.MaxDelay = delay * 8;
        }

        if (NetworkTimeout is { } timeout)
        {
            options.Retry.NetworkTimeout = timeout;
        }

        return options;
    }
}
