namespace MentorFlow.Local.Hosting;

/// <summary>The local host's own settings (section <c>MentorFlow</c>).</summary>
public sealed class LocalHostOptions
{
    public const string Section = "MentorFlow";

    /// <summary>Where local data lives: Azurite's files, the API key, the tools. Default <c>.mentorflow</c> in the working directory.</summary>
    public string DataDirectory { get; set; } = ".mentorflow";

    /// <summary>The key HR clients send in <c>x-functions-key</c>; generated once and kept in the data directory when unset.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Base of the links put in emails; default the URL the host listens on.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The folder that holds the pinned Azurite install; default <c>tools</c> inside the data directory.</summary>
    public string? ToolsDirectory { get; set; }
}
