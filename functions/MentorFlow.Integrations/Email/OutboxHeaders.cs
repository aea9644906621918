namespace MentorFlow.Integrations.Email;

/// <summary>The headers and file naming the outbox writer and reader share.</summary>
internal static class OutboxHeaders
{
    public const string Key = "X-MentorFlow-Key";
    public const string Program = "X-MentorFlow-Program";
    public const string Purpose = "X-MentorFlow-Purpose";
    public const string Extension = ".eml";
    public const string StampFormat = "yyyyMMdd'T'HHmmssfff";
    public const int StampLength = 18;
}
