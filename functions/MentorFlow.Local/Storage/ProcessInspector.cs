using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MentorFlow.Local.Storage;

/// <summary>Looks at processes by id: whether they live and what they run. Linux answers from /proc.</summary>
internal static class ProcessInspector
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// True while <paramref name="pid"/> runs. A zombie counts as gone: it has exited and only waits to be reaped,
    /// and kill(pid, 0), which Process.HasExited relies on for processes that are not our children, still succeeds on it.
    /// </summary>
    public static bool IsAlive(int pid)
    {
        if (pid <= 0)
        {
            return false;
        }

        if (OperatingSystem.IsLinux())
        {
            var state = ReadLinuxState(pid);
            return state is not null and not 'Z' and not 'X' and not 'x';
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The argv of <paramref name="pid"/>, or null when it is gone, a zombie or not readable (non-Linux).</summary>
    public static IReadOnlyList<string>? ReadCommandLine(int pid)
    {
        if (!OperatingSystem.IsLinux() || pid <= 0)
        {
            return null;
        }

        byte[] raw;
        try
        {
            raw = File.ReadAllBytes($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (raw.Length == 0)
        {
            return null;
        }

        var arguments = Encoding.UTF8.GetString(raw).Split('\0');
        // cmdline ends with a NUL, which leaves one empty entry at the end.
        return arguments[^1].Length == 0 ? arguments[..^1] : arguments;
    }

    public static async Task<bool> WaitForExitAsync(int pid, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        while (IsAlive(pid))
        {
            if (stopwatch.Elapsed >= timeout)
            {
                return false;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static char? ReadLinuxState(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) S ...": comm may itself contain spaces and parentheses, so the state follows the last ')'.
        var end = stat.LastIndexOf(')');
        return end >= 0 && end + 2 < stat.Length ? stat[end + 2] : null;
    }
}
