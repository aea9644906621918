using System.Security.Cryptography;

namespace MentorFlow.Local.Hosting;

/// <summary>The API key the local host accepts: from configuration, else created once and kept in the data directory.</summary>
internal static class LocalApiKey
{
    public static string Resolve(string? configured, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim();
        }

        var path = Path.Combine(dataDirectory, "api-key");
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } stored)
        {
            return stored;
        }

        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(path, key + Environment.NewLine);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
