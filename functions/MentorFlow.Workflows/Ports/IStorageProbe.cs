namespace MentorFlow.Workflows.Ports;

/// <summary>A cheap, authenticated round trip to MentorFlow's own storage, for the readiness check.</summary>
public interface IStorageProbe
{
    /// <summary>Completes when storage answered; throws what the storage client threw when it did not.</summary>
    Task CheckAsync(CancellationToken cancellationToken);
}
