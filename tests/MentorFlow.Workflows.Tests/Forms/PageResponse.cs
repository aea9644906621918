namespace MentorFlow.Workflows.Tests.Forms;

/// <summary>What a browser received: status, content type and body.</summary>
internal sealed record PageResponse(int Status, string? ContentType, string Body);
