using MentorFlow.Workflows.Email;

namespace MentorFlow.Integrations.Email;

/// <summary>The recipients of a <see cref="BulkEmailMessage"/> as every sender takes them: checked, each address once.</summary>
internal static class BulkEmailRecipients
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> for no recipients or more than <see cref="BulkEmailMessage.MaxRecipients"/>;
    /// otherwise the recipients in order, an address named twice (in any case) kept once, so nobody gets two copies.
    /// </summary>
    public static IReadOnlyList<EmailAddress> Of(BulkEmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(message.Recipients, nameof(message));
        if (message.Recipients.Count == 0)
        {
            throw new ArgumentException("A bulk email needs at least one recipient.", nameof(message));
        }

        if (message.Recipients.Count > BulkEmailMessage.MaxRecipients)
        {
            throw new ArgumentException(
                $"A bulk email goes to at most {BulkEmailMessage.MaxRecipients} recipients (this one has {message.Recipients.Count}): send it in batches.",
                nameof(message));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return [.. message.Recipients.Where(r => seen.Add(r.Email))];
    }
}
