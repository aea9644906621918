namespace MentorFlow.Integrations.SendGridEvents;

/// <summary>A webhook body that is not a SendGrid event batch: not JSON, not an array of events, or an event without its type, recipient or time.</summary>
public sealed class SendGridEventFormatException : FormatException
{
    public SendGridEventFormatException()
    {
    }

    public SendGridEventFormatException(string message) : base(message)
    {
    }

    public SendGridEventFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
