namespace MentorFlow.Infra.Tests;

/// <summary>Where things are in the repository these tests run from.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MentorFlow.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' holds MentorFlow.sln.");
    });

    public static string Repository => Root.Value;

    public static string Infra => Path.Combine(Repository, "infra");

    public static string MainBicep => Path.Combine(Infra, "main.bicep");

    public static string MainParameters => Path.Combine(Infra, "main.parameters.json");

    public static string HostJson => Path.Combine(Repository, "host.json");

    public static string AzureYaml => Path.Combine(Repository, "azure.yaml");

    public static string PostProvisionScript => Path.Combine(Repository, "scripts", "postprovision.sh");

    public static string DeployDocs => Path.Combine(Repository, "docs", "deploy.md");

    public static string FunctionsProgram => Path.Combine(Repository, "functions", "MentorFlow.Functions", "Program.cs");
}
