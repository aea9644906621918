namespace MentorFlow.Workflows.Stories;

/// <summary>Who the digest went to, in counts: distinct recipients and bulk sends (0 and 0 when there was nothing to share).</summary>
public sealed record DigestSent(int Recipients, int Batches);
