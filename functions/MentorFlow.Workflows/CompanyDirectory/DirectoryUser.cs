namespace MentorFlow.Workflows.CompanyDirectory;

/// <summary>A person in the directory, with Microsoft Graph's property names.</summary>
public sealed record DirectoryUser(
    string Id,
    string DisplayName,
    string? Mail,
    string? UserPrincipalName,
    string? JobTitle,
    string? Department,
    string? Country,
    string? OfficeLocation,
    DateTimeOffset? EmployeeHireDate,
    bool AccountEnabled,
    string? ManagerId)
{
    /// <summary>The address MentorFlow writes to and joins on: mail, else the user principal name.</summary>
    public string? Email => string.IsNullOrWhiteSpace(Mail) ? UserPrincipalName : Mail;
}
