namespace MentorFlow.Local.Hosting;

/// <summary>
/// Whether the host's own Azurite is known to be down (it exited and is being restarted). Meanwhile the durable
/// engine's log entries (an error per failed poll and lease renewal, a stack trace per failed activity) are held back
/// and counted, so the log shows
/// one line about the outage instead of a stack trace per call.
/// </summary>
internal sealed class StorageOutage
{
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

    /// <summary>
    /// The logging filter of the durable engine's categories: false (drop) while storage is down, whatever the level
    /// but Critical (the SDK logs each failed activity, stack trace included, at Information).
    /// </summary>
    public bool Allows(LogLevel level)
    {
        if (!down || level == LogLevel.Critical)
        {
            return true;
        }

        Interlocked.Increment(ref heldBack);
        return false;
    }
}
