namespace MentorFlow.Testing;

/// <summary>Facts about the build the tests run from.</summary>
public static class TestBuild
{
    /// <summary>The configuration (Debug, Release) the test assembly was built with: its output is bin/&lt;configuration&gt;/net10.0.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
}
