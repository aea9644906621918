using MentorFlow.Workflows.CompanyDirectory;

namespace MentorFlow.Workflows.Ports;

/// <summary>The company directory (Microsoft Graph in Azure, a saved Graph export locally).</summary>
public interface IDirectory
{
    /// <summary>The person with this email (mail, else user principal name; case-insensitive), or null.</summary>
    Task<DirectoryUser?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>The manager of the person with this email, or null when they or their manager are unknown.</summary>
    Task<DirectoryUser?> FindManagerAsync(string email, CancellationToken cancellationToken);

    /// <summary>Every user (enabled or not), each with their manager's id.</summary>
    Task<IReadOnlyList<DirectoryUser>> ListUsersAsync(CancellationToken cancellationToken);
}
