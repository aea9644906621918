using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;

namespace MentorFlow.Local.Storage;

/// <summary>
/// Makes an acknowledged write survive a <c>kill -9</c> of Azurite. Azurite 3.37.0 keeps table, queue and blob
/// metadata in LokiJS databases and autosaves them every 5 s, so a crash loses up to 5 s of writes. Our Azurite runs
/// with <c>mentorflow-azurite-saves.js</c> preloaded (<c>node --require</c>; Azurite's files are not changed), which
/// saves changed databases every 100 ms and, when asked through a file, writes how far they are saved. The host
/// waits for that before it answers a write (<see cref="WaitUntilSavedAsync"/>).
/// </summary>
internal static class AzuriteSaves
{
    public const string RequestFileName = "mentorflow-save-request";
    public const string MarkerFileName = "mentorflow-saved.json";
    private const string ScriptResource = "mentorflow-azurite-saves.js";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Writes the preload script into the tools folder (named by its content hash, so an Azurite still running an
    /// older copy keeps its file) and returns its path.
    /// </summary>
    public static string EnsureScript(string toolsDirectory)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"The resource {ScriptResource} is missing from the build.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var content = memory.ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(content))[..12];
        Directory.CreateDirectory(toolsDirectory);
        var path = Path.Combine(Path.GetFullPath(toolsDirectory), $"mentorflow-azurite-saves-{hash}.js");
        if (!File.Exists(path))
        {
            var temporary = $"{path}.{Environment.ProcessId}.tmp";
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }

        return path;
    }

    /// <summary>
    /// Waits until everything Azurite applied before <paramref name="since"/> is in its files on disk. False when
    /// that was not confirmed within <paramref name="timeout"/> (Azurite down, or not running the preload).
    /// </summary>
    public static async Task<bool> WaitUntilSavedAsync(string location, DateTimeOffset since, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Strictly later than `since` at millisecond precision: node's clock is read in whole milliseconds.
        var needed = since.ToUnixTimeMilliseconds() + 1;
        var request = Path.Combine(location, RequestFileName);
        var temporary = $"{request}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllTextAsync(temporary, Guid.NewGuid().ToString("N"), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, request, overwrite: true);

        var marker = Path.Combine(location, MarkerFileName);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (ReadUpTo(marker) >= needed)
            {
                return true;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static long ReadUpTo(string marker)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(marker));
            return document.RootElement.TryGetProperty("upTo", out var upTo) && upTo.TryGetDouble(out var value)
                ? (long)Math.Min(value, long.MaxValue)
                : 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return 0;
        }
    }
}
