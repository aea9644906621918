namespace MentorFlow.Testing;

/// <summary>Folders tests share, found from the test binaries' location so any runner and working directory work.</summary>
public static class TestPaths
{
    private const string SolutionFileName = "MentorFlow.sln";

    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The folder holding MentorFlow.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>{repo}/.tools: git-ignored, where Azurite is installed once for every test assembly and the local host.</summary>
    public static string ToolsDirectory => Path.Combine(RepositoryRoot, ".tools");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above '{AppContext.BaseDirectory}' contains {SolutionFileName}; tests must run from a build inside the repository.");
    }
}
