namespace MentorFlow.Integrations.CompanyDirectory;

/// <summary>Where the company directory comes from (<c>MentorFlow:Directory</c>).</summary>
public sealed class DirectoryOptions
{
    public const string Section = "MentorFlow:Directory";

    /// <summary><c>File</c>: a saved Microsoft Graph users response; <c>Graph</c>: Microsoft Graph itself (see <see cref="Graph"/>).</summary>
    public string Provider { get; set; } = "File";

    /// <summary>
    /// The JSON file <c>{ "value": [ users ] }</c> with Graph's property names. Unset: an empty directory, so
    /// escalations go to the program manager.
    /// </summary>
    public string? File { get; set; }

    /// <summary>Microsoft Graph's settings, used when <see cref="Provider"/> is <c>Graph</c>.</summary>
    public GraphDirectoryOptions Graph { get; set; } = new();
}
