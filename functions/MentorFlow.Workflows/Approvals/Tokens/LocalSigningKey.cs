using System.Security.Cryptography;

namespace MentorFlow.Workflows.Approvals.Tokens;

/// <summary>
/// The approval signing key for runs without a configured one (the local host): created once and kept in the data
/// directory, so links already sent keep working after a restart.
/// </summary>
public static class LocalSigningKey
{
    /// <summary>The file, inside the data directory, that holds the generated key.</summary>
    public const string FileName = "approval-signing-key";

    private static readonly object Gate = new();

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Returns <paramref name="configured"/> when set; else the key stored in
    /// <c>&lt;dataDirectory&gt;/approval-signing-key</c>; else a new random key, stored there (owner-only on Unix).
    /// </summary>
    public static string Resolve(string? configured, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim();
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);

        // The key file is its own lock: opened exclusively (an advisory lock on Unix, a share lock on Windows), read,
        // and written only when empty. Threads of one process also queue on a monitor, so the first start of two
        // hosts — or of many threads — ends with one key, whatever the file system does with hard links or renames.
        lock (Gate)
        {
            using var file = OpenExclusive(path);
            using var reader = new StreamReader(file, leaveOpen: true);
            if (TryDecode(path, reader.ReadToEnd(), out var stored))
            {
                return stored;
            }

            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(ApprovalTokenOptions.MinimumKeyBytes));
            file.SetLength(0);
            using (var writer = new StreamWriter(file, leaveOpen: true))
            {
                writer.WriteLine(key);
            }

            file.Flush(flushToDisk: true);
            return key;
        }
    }

    private static FileStream OpenExclusive(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, options);
            }
            catch (IOException) when (waited.Elapsed < LockWait)
            {
                // Another process holds the file while it writes the key; it takes milliseconds.
                Thread.Sleep(20);
            }
        }
    }

    private static bool TryDecode(string path, string text, out string key)
    {
        key = text.Trim();
        if (key.Length == 0)
        {
            return false;
        }

        // Replacing a damaged key would silently break every link already sent, so say what to do instead.
        if (!ApprovalTokenOptions.TryDecodeKey(key, out _))
        {
            throw new InvalidOperationException(
                $"{path} does not hold a base64 key of at least {ApprovalTokenOptions.MinimumKeyBytes} bytes. Set "
                + $"{ApprovalTokenOptions.Section}:SigningKey, or delete the file to have a new key generated (links already sent will stop working).");
        }

        return true;
    }
}
