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
}
