using System.Globalization;

namespace MentorFlow.Local.Storage;

/// <summary>
/// The arguments we launch Azurite with, and the same read back from a running process's argv: adoption trusts the
/// process's own command line, not the state file, for what the process really serves.
/// </summary>
internal sealed record AzuriteCommandLine(string Host, int BlobPort, int QueuePort, int TablePort, string? Location, string? Preload = null)
{
    private const string EntryPointFileName = "azurite.js";

    public IReadOnlyList<string> ToArguments(string entryPoint)
    {
        var arguments = new List<string>();
        if (Preload is not null)
        {
            // node's own option, before the script: see AzuriteSaves.
            arguments.Add("--require");
            arguments.Add(Preload);
        }

        arguments.AddRange(
        [
            entryPoint,
            "--blobHost", Host,
            "--blobPort", Format(BlobPort),
            "--queueHost", Host,
            "--queuePort", Format(QueuePort),
            "--tableHost", Host,
            "--tablePort", Format(TablePort),
            "--skipApiVersionCheck",
            "--loose",
            "--silent",
            // Azurite sends Application Insights telemetry by default. Offline, the send on shutdown keeps the
            // process alive for about 100 s after SIGTERM; without it Azurite exits within a fraction of a second.
            "--disableTelemetry",
        ]);

        if (Location is null)
        {
            arguments.Add("--inMemoryPersistence");
        }
        else
        {
            arguments.Add("--location");
            arguments.Add(Location);
        }

        return arguments;
    }

    /// <summary>True when this Azurite keeps its data in <paramref name="normalizedLocation"/> (see <see cref="NormalizeLocation"/>).</summary>
    public bool ServesLocation(string normalizedLocation) =>
        Location is not null && string.Equals(NormalizeLocation(Location), normalizedLocation, PathComparison);

    /// <summary>Reads argv back; null unless it is node running Azurite's azurite.js entry point.</summary>
    public static AzuriteCommandLine? TryParse(IReadOnlyList<string> argv)
    {
        if (argv.Count < 2 || !Path.GetFileName(argv[0]).StartsWith("node", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var scriptIndex = -1;
        for (var i = 1; i < argv.Count; i++)
        {
            if (string.Equals(Path.GetFileName(argv[i]), EntryPointFileName, StringComparison.Ordinal))
            {
                scriptIndex = i;
                break;
            }
        }

        if (scriptIndex < 0)
        {
            return null;
        }

        string? preload = null;
        for (var i = 1; i + 1 < scriptIndex; i++)
        {
            if (argv[i] is "--require" or "-r")
            {
                preload = argv[i + 1];
            }
        }

        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = scriptIndex + 1; i < argv.Count; i++)
        {
            var argument = argv[i];
            if (!argument.StartsWith('-'))
            {
                continue;
            }

            var name = argument.TrimStart('-');
            string? value = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (i + 1 < argv.Count && !argv[i + 1].StartsWith('-'))
            {
                value = argv[i + 1];
                i++;
            }

            options[name == "l" ? "location" : name] = value;
        }

        // Azurite's own defaults apply to whatever was not given.
        var host = options.GetValueOrDefault("blobHost") ?? "127.0.0.1";
        var location = options.ContainsKey("inMemoryPersistence") ? null : options.GetValueOrDefault("location");
        return new AzuriteCommandLine(
            host,
            ParsePort(options.GetValueOrDefault("blobPort"), AzuriteOptions.DefaultBlobPort),
            ParsePort(options.GetValueOrDefault("queuePort"), AzuriteOptions.DefaultBlobPort + 1),
            ParsePort(options.GetValueOrDefault("tablePort"), AzuriteOptions.DefaultBlobPort + 2),
            location,
            preload);
    }

    /// <summary>The one spelling of a data folder used for launching, recording and comparing it.</summary>
    public static string NormalizeLocation(string location) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(location));

    private static StringComparison PathComparison =>
        OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    private static string Format(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static int ParsePort(string? value, int fallback) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : fallback;
}
