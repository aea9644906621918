namespace MentorFlow.Workflows.Programs;

/// <summary>Actor names used in the audit log for steps no person took.</summary>
public static class AuditActors
{
    /// <summary>The workflow itself.</summary>
    public const string System = "system";

    /// <summary>A caller of the HR API who did not say who they are.</summary>
    public const string ApiCaller = "api";
}
