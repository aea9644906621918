namespace MentorFlow.Workflows.Dashboard;

/// <summary>One embedded dashboard file, ready to serve.</summary>
/// <param name="Path">Its path below the dashboard folder, e.g. <c>js/app.js</c>.</param>
/// <param name="Content">Its bytes.</param>
/// <param name="ContentType">The MIME type it is served with.</param>
/// <param name="ETag">A strong validator: a quoted prefix of the content's SHA-256.</param>
internal sealed record DashboardAsset(string Path, byte[] Content, string ContentType, string ETag);
