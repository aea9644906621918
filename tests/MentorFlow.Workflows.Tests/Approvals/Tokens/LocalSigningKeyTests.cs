using MentorFlow.Workflows.Approvals.Tokens;

namespace MentorFlow.Workflows.Tests.Approvals.Tokens;

public sealed class LocalSigningKeyTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "mentorflow-tests", Guid.NewGuid().ToString("N"), "data");

    private string KeyFile => Path.Combine(_dataDirectory, "approval-signing-key");

    public void Dispose()
    {
        var root = Path.GetDirectoryName(_dataDirectory)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Resolve_Configured_ReturnsItWithoutWritingAFile()
    {
        var configured = TokenKeys.NewKey();

        var key = LocalSigningKey.Resolve(configured, _dataDirectory);

        Assert.Equal(configured, key);
        Assert.False(File.Exists(KeyFile));
    }

    [Fact]
    public void Resolve_NothingStored_WritesA32ByteKey()
    {
        var key = LocalSigningKey.Resolve(null, _dataDirectory);

        Assert.Equal(32, Convert.FromBase64String(key).Length);
        Assert.Equal(key, File.ReadAllText(KeyFile).Trim());
    }

    [Fact]
    public void Resolve_SecondCall_ReturnsSameKey()
    {
        var first = LocalSigningKey.Resolve(null, _dataDirectory);

        var second = LocalSigningKey.Resolve("  ", _dataDirectory);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Resolve_GeneratedKey_WorksAsSigningKey()
    {
        var key = LocalSigningKey.Resolve(null, _dataDirectory);

        var service = TokenKeys.Service(key);

        Assert.True(service.Verify(service.Create(TokenKeys.Claims())).IsValid);
    }

    [Fact]
    public void Resolve_GeneratedKey_IsReadableByOwnerOnly()
    {
        LocalSigningKey.Resolve(null, _dataDirectory);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        }
    }

    [Fact]
    public void Resolve_ConcurrentFirstCalls_AllReturnSameKey()
    {
        var keys = new string[16];

        Parallel.For(0, keys.Length, i => keys[i] = LocalSigningKey.Resolve(null, _dataDirectory));

        Assert.Single(keys.Distinct());
        Assert.Equal(keys[0], File.ReadAllText(KeyFile).Trim());
        Assert.Equal([KeyFile], Directory.GetFiles(_dataDirectory));
    }

    [Fact]
    public void Resolve_EmptyFileLeftByACrash_WritesANewKeyIntoIt()
    {
        Directory.CreateDirectory(_dataDirectory);
        File.WriteAllText(KeyFile, "");

        var key = LocalSigningKey.Resolve(null, _dataDirectory);

        Assert.Equal(32, Convert.FromBase64String(key).Length);
        Assert.Equal(key, File.ReadAllText(KeyFile).Trim());
    }

    [Fact]
    public void Resolve_DamagedFile_ThrowsNamingFileAndSetting()
    {
        Directory.CreateDirectory(_dataDirectory);
        File.WriteAllText(KeyFile, "too short");

        var error = Assert.Throws<InvalidOperationException>(() => LocalSigningKey.Resolve(null, _dataDirectory));

        Assert.Contains(KeyFile, error.Message, StringComparison.Ordinal);
        Assert.Contains("MentorFlow:Approvals:SigningKey", error.Message, StringComparison.Ordinal);
    }
}
