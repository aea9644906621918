using System.Runtime.InteropServices;

namespace MentorFlow.Local.Storage;

/// <summary>
/// libc's kill(2): .NET only offers SIGKILL (Process.Kill), but Azurite shuts down cleanly, flushing its on-disk
/// databases, only on SIGTERM or SIGINT.
/// </summary>
internal static class NativeMethods
{
    public const int SigTerm = 15;

    /// <summary>Linux's number (macOS uses 17); only the tests use it, to make an Azurite hang.</summary>
    public const int SigStop = 19;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SysKill(int pid, int signal);

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; false when the process is gone or not ours.</summary>
    public static bool TrySendSignal(int pid, int signal)
    {
        if (OperatingSystem.IsWindows() || pid <= 0)
        {
            return false;
        }

        return SysKill(pid, signal) == 0;
    }
}
