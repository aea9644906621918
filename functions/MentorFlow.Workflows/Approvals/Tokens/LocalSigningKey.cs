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
        var path = Path.Combine(dataDirectory, FileName);
        if (TryRead(path, out var stored))
        {
            return stored;
        }

        Directory.CreateDirectory(dataDirectory);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(ApprovalTokenOptions.MinimumKeyBytes));

        // Written to a private temporary file and moved into place without overwriting: the key is never readable
        // by others, never seen half-written, and when two processes start at once both end up with the same key.
        var temporary = Path.Combine(dataDirectory, $".{FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(temporary, create))
            {
                writer.WriteLine(key);
            }

            File.Move(temporary, path, overwrite: false);
            return key;
        }
        catch (IOException) when (TryRead(path, out var winner))
        {
            return winner;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static bool TryRead(string path, out string key)
    {
        key = File.Exists(path) ? File.ReadAllText(path).Trim() : "";
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
