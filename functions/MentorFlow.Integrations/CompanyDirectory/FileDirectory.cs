using System.Text.Json;
using MentorFlow.Workflows.CompanyDirectory;
using MentorFlow.Workflows.Ports;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.CompanyDirectory;

/// <summary>
/// The directory from a saved Microsoft Graph response: <c>{ "value": [ users ] }</c>, each user with Graph's names
/// (<c>id, displayName, mail, userPrincipalName, jobTitle, department, country, officeLocation, employeeHireDate,
/// accountEnabled, manager: { id }</c>). Read once, on first use; a file that does not parse fails with its reason.
/// </summary>
public sealed class FileDirectory(IOptions<DirectoryOptions> options) : IDirectory
{
    private readonly Lazy<Task<Index>> index = new(() => LoadAsync(options.Value.File));

    /// <inheritdoc />
    public async Task<DirectoryUser?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        (await index.Value).ByEmail.GetValueOrDefault(email);

    /// <inheritdoc />
    public async Task<IReadOnlyList<DirectoryUser>> ListUsersAsync(CancellationToken cancellationToken) =>
        (await index.Value).Users;

    /// <inheritdoc />
    public async Task<DirectoryUser?> FindManagerAsync(string email, CancellationToken cancellationToken)
    {
        var directory = await index.Value;
        return directory.ByEmail.GetValueOrDefault(email) is { ManagerId: { } managerId }
            ? directory.ById.GetValueOrDefault(managerId)
            : null;
    }

    private static async Task<Index> LoadAsync(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return new Index([]);
        }

        await using var stream = File.OpenRead(path);
        using var document = await JsonDocument.ParseAsync(stream);
        if (!document.RootElement.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"Directory file '{path}' has no \"value\" array of users.");
        }

        var users = new List<DirectoryUser>();
        var position = 0;
        foreach (var user in value.EnumerateArray())
        {
            users.Add(Read(user, path, position++));
        }

        return new Index(users);
    }

    private static DirectoryUser Read(JsonElement user, string path, int position)
    {
        string? Text(string name) =>
            user.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        var id = Text("id") ?? throw new InvalidDataException($"Directory file '{path}': user {position} has no id.");
        return new DirectoryUser(
            id,
            Text("displayName") ?? id,
            Text("mail"),
            Text("userPrincipalName"),
            Text("jobTitle"),
            Text("department"),
            Text("country"),
            Text("officeLocation"),
            Text("employeeHireDate") is { } hired ? DateTimeOffset.Parse(hired, System.Globalization.CultureInfo.InvariantCulture) : null,
            !user.TryGetProperty("accountEnabled", out var enabled) || enabled.ValueKind != JsonValueKind.False,
            user.TryGetProperty("manager", out var manager) && manager.ValueKind == JsonValueKind.Object
                && manager.TryGetProperty("id", out var managerId) ? managerId.GetString() : null);
    }

    private sealed class Index
    {
        public Index(IReadOnlyList<DirectoryUser> users)
        {
            Users = users;
            ById = users.ToDictionary(u => u.Id, StringComparer.Ordinal);
            ByEmail = new Dictionary<string, DirectoryUser>(StringComparer.OrdinalIgnoreCase);
            foreach (var user in users)
            {
                if (user.Email is { Length: > 0 } email)
                {
                    ByEmail.TryAdd(email, user);
                }
            }
        }

        public IReadOnlyList<DirectoryUser> Users { get; }

        public Dictionary<string, DirectoryUser> ById { get; }

        public Dictionary<string, DirectoryUser> ByEmail { get; }
    }
}
