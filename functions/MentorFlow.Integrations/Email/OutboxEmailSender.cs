using System.Globalization;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MentorFlow.Integrations.Email;

/// <summary>
/// The provider for local runs and tests: each message becomes a standard .eml file (multipart/alternative, text and
/// HTML exactly as given) named <c>{sentAt:yyyyMMddTHHmmssfff}-{id}.eml</c> in <c>MentorFlow:Email:OutboxDirectory</c>.
/// Files appear whole (written aside, then moved in), so <see cref="OutboxReader"/> never sees half a message. A bulk
/// email is one file whose To lists every recipient: the outbox shows what was sent once, not a copy per person.
/// </summary>
public sealed class OutboxEmailSender : IEmailSender, IBulkEmailSender
{
    private readonly EmailOptions options;
    private readonly TimeProvider time;
    private readonly Lock stampLock = new();
    private DateTimeOffset lastStamp = DateTimeOffset.MinValue;

    public OutboxEmailSender(IOptions<EmailOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        this.options = options.Value;
        this.time = time;
    }

    /// <inheritdoc />
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var directory = options.OutboxDirectory
            ?? throw new InvalidOperationException($"Set {EmailOptions.Section}:OutboxDirectory to use the outbox.");
        Directory.CreateDirectory(directory);

        var sentAt = NextStamp();
        var id = Guid.NewGuid().ToString("N");
        using var mime = ToMime(message, id, sentAt);

        var name = sentAt.UtcDateTime.ToString(OutboxHeaders.StampFormat, CultureInfo.InvariantCulture) + "-" + id + OutboxHeaders.Extension;
        var path = Path.Combine(directory, name);
        var temp = path + ".tmp";
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, useAsync: true))
            {
                // RFC 5322 line endings, whatever the platform: the file is a standard .eml.
                var format = FormatOptions.Default.Clone();
                format.NewLineFormat = NewLineFormat.Dos;
                await mime.WriteToAsync(format, stream, cancellationToken);
            }

            File.Move(temp, path);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        return new EmailSendResult(id, AlreadySent: false);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">No recipients, or more than <see cref="BulkEmailMessage.MaxRecipients"/>.</exception>
    public async Task<EmailSendResult> SendBulkAsync(BulkEmailMessage message, CancellationToken cancellationToken)
    {
        var recipients = BulkEmailRecipients.Of(message);
        return await SendAsync(
            new EmailMessage(message.ProgramId, message.Purpose, message.IdempotencyKey, recipients, [], message.Subject, message.Html, message.Text),
            cancellationToken);
    }

    private MimeMessage ToMime(EmailMessage message, string id, DateTimeOffset sentAt)
    {
        var from = options.FromAddress
            ?? throw new InvalidOperationException($"Set {EmailOptions.Section}:FromAddress to the address MentorFlow's email is sent from.");
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = sentAt,
            MessageId = id + "@" + DomainOf(from),
        };
        mime.From.Add(new MailboxAddress(options.FromName, from));
        mime.To.AddRange(message.To.Select(ToMailbox));
        mime.Cc.AddRange(message.Cc.Select(ToMailbox));
        mime.Headers.Add(OutboxHeaders.Key, message.IdempotencyKey);
        mime.Headers.Add(OutboxHeaders.Program, message.ProgramId);
        mime.Headers.Add(OutboxHeaders.Purpose, message.Purpose);
        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();

        // Quoted-printable where a part has non-ASCII text or long lines (charters are long HTML lines), as mail needs.
        mime.Prepare(EncodingConstraint.SevenBit);
        return mime;
    }

    private static MailboxAddress ToMailbox(Workflows.Email.EmailAddress address) => new(address.Name ?? "", address.Email);

    private static string DomainOf(string address) =>
        address.LastIndexOf('@') is var at and >= 0 && at < address.Length - 1 ? address[(at + 1)..] : "mentorflow.local";

    // Millisecond stamps that only grow, so two messages written in the same millisecond still list newest first.
    private DateTimeOffset NextStamp()
    {
        var now = time.GetUtcNow();
        now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        lock (stampLock)
        {
            lastStamp = now > lastStamp ? now : lastStamp.AddMilliseconds(1);
            return lastStamp;
        }
    }
}
