using MentorFlow.Integrations.CompanyDirectory;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Tests.CompanyDirectory;

public sealed class FileDirectoryTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"directory-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task FindManagerAsync_UserWithManager_ReturnsManager()
    {
        var directory = Load("""
            { "value": [
              { "id": "1", "displayName": "Morgan Boss", "mail": "morgan@example.com", "accountEnabled": true },
              { "id": "2", "displayName": "Pat Manager", "mail": null, "userPrincipalName": "Pat@Example.com", "manager": { "id": "1" } }
            ] }
            """);

        var manager = await directory.FindManagerAsync("pat@example.com", default);

        Assert.Equal("Morgan Boss", manager!.DisplayName);
        Assert.Equal("morgan@example.com", manager.Email);
    }

    [Fact]
    public async Task FindManagerAsync_UnknownOrTopOfChain_ReturnsNull()
    {
        var directory = Load("""{ "value": [ { "id": "1", "displayName": "Morgan Boss", "mail": "morgan@example.com" } ] }""");

        Assert.Null(await directory.FindManagerAsync("morgan@example.com", default));
        Assert.Null(await directory.FindManagerAsync("nobody@example.com", default));
    }

    [Fact]
    public async Task FindByEmailAsync_ReadsGraphProperties()
    {
        var directory = Load("""
            { "value": [ { "id": "7", "displayName": "Ana Seller", "mail": "ana@example.com", "jobTitle": "Account Executive",
              "department": "Sales", "country": "US", "officeLocation": "Austin", "employeeHireDate": "2021-03-01T00:00:00Z",
              "accountEnabled": false } ] }
            """);

        var user = await directory.FindByEmailAsync("ANA@example.com", default);

        Assert.Equal("Account Executive", user!.JobTitle);
        Assert.Equal("Austin", user.OfficeLocation);
        Assert.Equal(new DateTimeOffset(2021, 3, 1, 0, 0, 0, TimeSpan.Zero), user.EmployeeHireDate);
        Assert.False(user.AccountEnabled);
    }

    [Fact]
    public async Task FindByEmailAsync_NoFileConfigured_EmptyDirectory()
    {
        var directory = new FileDirectory(Options.Create(new DirectoryOptions()));

        Assert.Null(await directory.FindByEmailAsync("pat@example.com", default));
    }

    [Fact]
    public async Task FindByEmailAsync_FileWithoutValueArray_FailsWithReason()
    {
        var directory = Load("""{ "users": [] }""");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => directory.FindByEmailAsync("x@example.com", default));
        Assert.Contains("\"value\"", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(file);

    private FileDirectory Load(string json)
    {
        File.WriteAllText(file, json);
        return new FileDirectory(Options.Create(new DirectoryOptions { File = file }));
    }
}
