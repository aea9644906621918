namespace MentorFlow.Local.Hosting;

/// <summary>
/// Whether the host's own Azurite is known to be down (it exited and is being restarted). Meanwhile the durable
/// engine's warnings and errors, one per failed poll and lease renewal, are held back and counted, so the log shows
/// one line about the outage instead of a stack trace per call.
/// </summary>
internal sealed class StorageOutage
{
    private const string DurableTaskCategoryPrefix = "DurableTask.";
    private volatile bool down;
    private long heldBack;

    public bool IsDown => down;

    public void Begin()
    {
        Interlocked.Exchange(ref heldBack, 0);
        down = true;
    }

    /// <summary>Ends the outage; returns how many durable engine log entries were held back during it.</summary>
    public long End()
    {
        down = false;
        return Interlocked.Read(ref heldBack);
    }

    /// <summary>The logging filter: false (drop) for the durable engine's warnings and errors while storage is down.</summary>
    public bool Allows(string? category, LogLevel level)
    {
        if (!down || level < LogLevel.Warning || level == LogLevel.Critical
            || category is null || !category.StartsWith(DurableTaskCategoryPrefix, StringComparison.Ordinal))
        {
            return true;
        }

        Interlocked.Increment(ref heldBack);
        return false;
    }
}
