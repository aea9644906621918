using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace MentorFlow.Infra.Tests.Bicep;

/// <summary>
/// The Bicep CLI restored from NuGet (<c>Azure.Bicep.CommandLine.linux-x64</c>, a <c>PackageDownload</c> of this
/// project): found in the NuGet package folder, made executable, and run offline.
/// </summary>
public static class BicepCli
{
    private const string PackageId = "azure.bicep.commandline.linux-x64";

    private static readonly Lazy<string> Executable = new(Locate);

    /// <summary>The package version this project downloads (from Directory.Packages.props, baked in at build).</summary>
    public static string Version =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepCliVersion").Value!;

    public static string Path => Executable.Value;

    /// <summary>Runs bicep with the arguments; returns its exit code, standard output and standard error.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Infra,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Offline and quiet: no telemetry, no update check.
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static string Locate()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            throw new PlatformNotSupportedException("These tests run the linux-x64 Bicep CLI from NuGet; run them on Linux x64 (as CI does).");
        }

        var roots = new[]
        {
            Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
            System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        };
        foreach (var root in roots.Where(r => !string.IsNullOrWhiteSpace(r)))
        {
            var candidate = System.IO.Path.Combine(root!, PackageId, Version, "tools", "bicep");
            if (File.Exists(candidate))
            {
                var mode = File.GetUnixFileMode(candidate);
                const UnixFileMode Execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
                if ((mode & UnixFileMode.UserExecute) == 0)
                {
                    File.SetUnixFileMode(candidate, mode | Execute);
                }

                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"The Bicep CLI {Version} is not in the NuGet package folder ({string.Join(", ", roots.Where(r => !string.IsNullOrWhiteSpace(r)))}). " +
            "It comes with `dotnet restore` of tests/MentorFlow.Infra.Tests (a PackageDownload).");
    }
}
