using Microsoft.AspNetCore.Http;

namespace MentorFlow.Workflows.Tests.Forms;

/// <summary>What a browser received: status, content type, body and the response headers.</summary>
internal sealed record PageResponse(int Status, string? ContentType, string Body, IHeaderDictionary Headers);
