using System.ComponentModel.DataAnnotations;

namespace MentorFlow.Local.Durable;

/// <summary>The local durable engine's settings (<c>MentorFlow:Durable</c>).</summary>
public sealed class LocalDurableOptions
{
    public const string Section = "MentorFlow:Durable";

    /// <summary>The task hub: the queues, tables and blobs of one set of orchestrations (3–45 letters and digits).</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$", ErrorMessage = "MentorFlow:Durable:TaskHub must be 3 to 45 letters and digits, starting with a letter.")]
    public string TaskHub { get; set; } = "MentorFlow";

    /// <summary>
    /// Whether this process runs orchestrations. Off, it only serves the API and queues work for a worker
    /// (an API-only front end, or a test that needs work to wait).
    /// </summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>
    /// The task hub's control queues (partitions), shared out among the workers of the hub: at most this many workers
    /// run orchestrations at once (any number run activities). Fixed when the task hub is created; every worker of a
    /// hub must say the same. The Azure Storage backend's default, as Durable Functions uses it.
    /// </summary>
    [Range(1, 16, ErrorMessage = "MentorFlow:Durable:PartitionCount must be 1 to 16.")]
    public int PartitionCount { get; set; } = 4;

    /// <summary>
    /// This worker's name in the partition table (<c>&lt;TaskHub&gt;Partitions</c>) and in logs; unique per worker.
    /// Default <c>&lt;machine&gt;-&lt;process id&gt;</c>.
    /// </summary>
    public string? WorkerId { get; set; }

    /// <summary>
    /// How long a partition lease lasts unless its owner renews it: a killed worker's partitions are taken over by the
    /// others once it expires (Durable Functions' default is 30 s; shorter here, so a restart resumes within seconds).
    /// </summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a worker renews its leases and looks for partitions to claim or hand over.</summary>
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(3);
}
