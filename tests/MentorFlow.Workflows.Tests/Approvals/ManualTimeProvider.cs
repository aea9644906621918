namespace MentorFlow.Workflows.Tests.Approvals;

/// <summary>A clock the test sets; Microsoft.Extensions.TimeProvider.Testing is not referenced.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
