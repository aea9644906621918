namespace MentorFlow.Local.Storage;

/// <summary>Finds a command on a PATH-style search list, the way a shell would, without starting a shell.</summary>
internal static class ExecutableLocator
{
    public static string? Find(string command, string? searchPath)
    {
        if (string.IsNullOrEmpty(searchPath))
        {
            return null;
        }

        foreach (var directory in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in CandidateNames(command))
            {
                string candidate;
                try
                {
                    candidate = Path.Combine(directory.Trim('"'), name);
                }
                catch (ArgumentException)
                {
                    // A malformed PATH entry is skipped, as a shell would.
                    continue;
                }

                if (IsExecutableFile(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static IEnumerable<string> CandidateNames(string command)
    {
        if (!OperatingSystem.IsWindows())
        {
            yield return command;
            yield break;
        }

        // On Windows npm is npm.cmd and node is node.exe; PATHEXT lists what counts as runnable.
        var extensions = (Environment.GetEnvironmentVariable("PATHEXT") ?? ".COM;.EXE;.BAT;.CMD")
            .Split(';', StringSplitOptions.RemoveEmptyEntries);
        foreach (var extension in extensions)
        {
            yield return command + extension.ToLowerInvariant();
        }
    }

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
