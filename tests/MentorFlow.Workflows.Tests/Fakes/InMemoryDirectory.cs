using MentorFlow.Workflows.CompanyDirectory;
using MentorFlow.Workflows.Ports;

namespace MentorFlow.Workflows.Tests.Fakes;

/// <summary>A directory of a few people, for escalation tests (the file adapter has its own tests).</summary>
internal sealed class InMemoryDirectory : IDirectory
{
    private readonly List<DirectoryUser> users = [];

    public InMemoryDirectory Add(string id, string name, string email, string? managerId = null)
    {
        users.Add(new DirectoryUser(id, name, email, email, null, null, null, null, null, true, managerId));
        return this;
    }

    public InMemoryDirectory Add(DirectoryUser user)
    {
        users.Add(user);
        return this;
    }

    public Task<DirectoryUser?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        Task.FromResult(users.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase)));

    public Task<IReadOnlyList<DirectoryUser>> ListUsersAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DirectoryUser>>([.. users]);

    public async Task<DirectoryUser?> FindManagerAsync(string email, CancellationToken cancellationToken) =>
        await FindByEmailAsync(email, cancellationToken) is { ManagerId: { } managerId }
            ? users.FirstOrDefault(u => u.Id == managerId)
            : null;
}
