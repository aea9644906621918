using System.Globalization;
using MentorFlow.Workflows.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MentorFlow.Integrations.Email;

/// <summary>
/// Reads the local outbox that <see cref="OutboxEmailSender"/> writes: what the dev outbox page lists. Each message's
/// links are MentorFlow's own (under <c>MentorFlow:PublicBaseUrl</c>), never other URLs an email happens to quote.
/// </summary>
public sealed class OutboxReader
{
    private readonly EmailOptions options;
    private readonly LinkOptions links;

    public OutboxReader(IOptions<EmailOptions> options, IOptions<LinkOptions> links)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(links);
        this.options = options.Value;
        this.links = links.Value;
    }

    /// <summary>Every message in the outbox, newest first; an outbox nothing was written to yet is empty.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(CancellationToken cancellationToken)
    {
        var publicBaseUrl = links.PublicBaseUrl
            ?? throw new InvalidOperationException("Set MentorFlow:PublicBaseUrl: the outbox lists only the links under it.");
        var directory = options.OutboxDirectory;
        if (string.IsNullOrWhiteSpace(directory) || !Directory.Exists(directory))
        {
            return [];
        }

        // File names start with the UTC send time to the millisecond, so name order is time order.
        var files = Directory.EnumerateFiles(directory)
            .Where(f => string.Equals(Path.GetExtension(f), OutboxHeaders.Extension, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(Path.GetFileName, StringComparer.Ordinal)
            .ToList();

        var messages = new List<OutboxMessage>(files.Count);
        foreach (var file in files)
        {
            if (await ReadAsync(file, publicBaseUrl, cancellationToken) is { } message)
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    private static async Task<OutboxMessage?> ReadAsync(string path, Uri publicBaseUrl, CancellationToken cancellationToken)
    {
        MimeMessage mime;
        try
        {
            mime = await MimeMessage.LoadAsync(path, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return null; // Deleted while listing.
        }
        catch (FormatException)
        {
            return null; // Not an email (a file someone dropped in); the outbox shows what it can read.
        }

        using (mime)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            var text = Normalize(mime.TextBody);
            var html = Normalize(mime.HtmlBody);
            return new OutboxMessage(
                Id: dash >= 0 ? name[(dash + 1)..] : name,
                To: [.. mime.To.Mailboxes.Select(m => m.Address)],
                Cc: [.. mime.Cc.Mailboxes.Select(m => m.Address)],
                Subject: mime.Subject ?? "",
                SentAt: SentAt(name) ?? mime.Date,
                Text: text,
                Html: html,
                Links: OutboxLinks.Under(publicBaseUrl, OutboxLinks.Find(text, html)),
                ProgramId: mime.Headers[OutboxHeaders.Program] ?? "",
                Purpose: mime.Headers[OutboxHeaders.Purpose] ?? "");
        }
    }

    // The name's stamp has the milliseconds the Date header (RFC 5322: whole seconds) cannot hold.
    private static DateTimeOffset? SentAt(string name) =>
        name.Length >= OutboxHeaders.StampLength
        && DateTime.TryParseExact(
            name[..OutboxHeaders.StampLength],
            OutboxHeaders.StampFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var stamp)
            ? new DateTimeOffset(stamp, TimeSpan.Zero)
            : null;

    // The .eml stores CRLF line ends (RFC 5322); the bodies come back with the '\n' the templates wrote.
    private static string Normalize(string? body) => body?.Replace("\r\n", "\n", StringComparison.Ordinal) ?? "";
}
