using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;
using SendGrid.Helpers.Reliability;
using SendGridAddress = SendGrid.Helpers.Mail.EmailAddress;

namespace MentorFlow.Integrations.Email;

/// <summary>
/// Sends through SendGrid's v3 mail/send API with the official client. 429 and 5xx answers (and failed connections)
/// are retried here with exponential backoff that honours <c>Retry-After</c>; any other 4xx throws
/// <see cref="EmailSendException"/> with SendGrid's own error text. Only the idempotency key and program id travel
/// as custom args, so delivery events can be matched back without personal data. A bulk email is one request with one
/// personalization per recipient, so each gets their own copy and nobody sees the others.
/// </summary>
/// <remarks>Sends every time it is called: once-only sending is <see cref="IdempotentEmailSender"/>'s job.</remarks>
public sealed partial class SendGridEmailSender : IEmailSender, IBulkEmailSender
{
    internal const int MaxAttempts = 5;
    internal const string KeyArgument = "mentorflow_key";
    internal const string ProgramArgument = "mentorflow_program";
    internal static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);
    internal static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    // A longer Retry-After is not waited out inside one send: the caller's (durable) retry is the place for it.
    internal static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(1);

    private readonly SendGridClient client;
    private readonly EmailOptions options;
    private readonly TimeProvider time;
    private readonly Func<TimeSpan, CancellationToken, Task> delay;
    private readonly ILogger logger;

    public SendGridEmailSender(HttpClient httpClient, IOptions<EmailOptions> options, TimeProvider time, ILogger<SendGridEmailSender> logger)
        : this(httpClient, options, time, logger, (wait, cancellationToken) => Task.Delay(wait, time, cancellationToken))
    {
    }

    /// <summary>For tests: <paramref name="delay"/> replaces the waits between attempts.</summary>
    internal SendGridEmailSender(
        HttpClient httpClient,
        IOptions<EmailOptions> options,
        TimeProvider time,
        ILogger logger,
        Func<TimeSpan, CancellationToken, Task> delay)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(delay);
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        this.delay = delay;

        var sendGrid = this.options.SendGrid;
        var clientOptions = new SendGridClientOptions
        {
            ApiKey = sendGrid.ApiKey,

            // The client's own retry handler is only built when it creates its HttpClient (not with ours) and retries
            // nothing by default; zero retries is said explicitly anyway, so every attempt is ours, counted and logged.
            ReliabilitySettings = new ReliabilitySettings(),

            // Error answers come back as a Response we inspect, not as the client's exception types.
            HttpErrorAsException = false,
        };
        if (sendGrid.BaseUrl is not null)
        {
            // The client appends "v3/mail/send" to Host (adding a '/' when missing), keeping any path of its own.
            clientOptions.Host = sendGrid.BaseUrl.AbsoluteUri;
        }

        client = new SendGridClient(httpClient, clientOptions);
    }

    /// <inheritdoc />
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        // Serialized once: SendGridMessage.Serialize rearranges the message, and every attempt sends the same body.
        return await PostAsync(Build(message).Serialize(), message.ProgramId, message.Purpose, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">No recipients, or more than <see cref="BulkEmailMessage.MaxRecipients"/>.</exception>
    public async Task<EmailSendResult> SendBulkAsync(BulkEmailMessage message, CancellationToken cancellationToken)
    {
        var recipients = BulkEmailRecipients.Of(message);
        return await PostAsync(Build(message, recipients).Serialize(), message.ProgramId, message.Purpose, cancellationToken);
    }

    /// <summary>Posts one mail/send body, retrying 429, 5xx and failed connections; any other 4xx throws.</summary>
    private async Task<EmailSendResult> PostAsync(string body, string programId, string purpose, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            Response response;
            try
            {
                response = await client.RequestAsync(BaseClient.Method.POST, body, urlPath: "mail/send", cancellationToken: cancellationToken);
            }
            catch (Exception e) when (IsTransient(e, cancellationToken))
            {
                if (attempt >= MaxAttempts)
                {
                    throw new HttpRequestException(
                        $"SendGrid could not be reached; gave up after {MaxAttempts} attempts. Last error: {e.Message}", e);
                }

                var wait = Backoff(attempt);
                LogUnreachable(logger, programId, purpose, attempt, MaxAttempts, wait.TotalMilliseconds, e);
                await delay(wait, cancellationToken);
                continue;
            }

            using var content = response.Body;
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var messageId = response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() ?? "" : "";
                LogSent(logger, programId, purpose, status, messageId, attempt);
                return new EmailSendResult(messageId, AlreadySent: false);
            }

            if (status == (int)HttpStatusCode.TooManyRequests || status >= 500)
            {
                if (attempt >= MaxAttempts)
                {
                    throw new HttpRequestException(
                        $"SendGrid answered {status} {response.StatusCode}; gave up after {MaxAttempts} attempts.", null, response.StatusCode);
                }

                var wait = RetryAfter(response.Headers.RetryAfter) ?? Backoff(attempt);
                if (wait > MaxRetryAfter)
                {
                    throw new HttpRequestException(
                        $"SendGrid answered {status} {response.StatusCode} and asked to wait {wait.TotalSeconds:0} s, longer than one send waits ({MaxRetryAfter.TotalSeconds:0} s); retry later.",
                        null,
                        response.StatusCode);
                }

                LogRetrying(logger, programId, purpose, status, attempt, MaxAttempts, wait.TotalMilliseconds);
                await delay(wait, cancellationToken);
                continue;
            }

            var errors = await ReadErrorsAsync(content, cancellationToken);
            LogRefused(logger, programId, purpose, status);
            throw new EmailSendException($"SendGrid refused the email ({status} {response.StatusCode}): {errors}")
            {
                StatusCode = status,
            };
        }
    }

    private SendGridMessage Build(EmailMessage message)
    {
        if (message.To.Count == 0)
        {
            throw new ArgumentException("An email needs at least one To recipient.", nameof(message));
        }

        var mail = new SendGridMessage
        {
            From = new SendGridAddress(options.FromAddress, options.FromName),
            Subject = message.Subject,
            PlainTextContent = message.Text,
            HtmlContent = message.Html,
        };

        // SendGrid rejects a personalization that names an address twice (across to and cc), so each address once.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        mail.AddTos([.. message.To.Where(a => seen.Add(a.Email)).Select(ToSendGrid)]);
        var cc = message.Cc.Where(a => seen.Add(a.Email)).Select(ToSendGrid).ToList();
        if (cc.Count > 0)
        {
            mail.AddCcs(cc);
        }

        Tag(mail, message.ProgramId, message.Purpose, message.IdempotencyKey);
        return mail;
    }

    private SendGridMessage Build(BulkEmailMessage message, IReadOnlyList<Workflows.Email.EmailAddress> recipients)
    {
        var mail = new SendGridMessage
        {
            From = new SendGridAddress(options.FromAddress, options.FromName),
            Subject = message.Subject,
            PlainTextContent = message.Text,
            HtmlContent = message.Html,

            // One personalization per recipient, each with a single to: everyone gets their own copy.
            Personalizations = [.. recipients.Select(r => new Personalization { Tos = [ToSendGrid(r)] })],
        };
        Tag(mail, message.ProgramId, message.Purpose, message.IdempotencyKey);
        return mail;
    }

    // Only the key and program travel with the message, so delivery events can be matched back without personal data.
    private void Tag(SendGridMessage mail, string programId, string purpose, string idempotencyKey)
    {
        mail.AddGlobalCustomArg(KeyArgument, idempotencyKey);
        mail.AddGlobalCustomArg(ProgramArgument, programId);
        mail.AddCategory(purpose);
        if (options.SendGrid.SandboxMode)
        {
            mail.SetSandBoxMode(true);
        }
    }

    private static SendGridAddress ToSendGrid(Workflows.Email.EmailAddress address) =>
        new(address.Email, string.IsNullOrWhiteSpace(address.Name) ? null : address.Name);

    private static bool IsTransient(Exception e, CancellationToken cancellationToken) => e switch
    {
        HttpRequestException => true,

        // HttpClient's own timeout, not the caller giving up.
        TaskCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    internal static TimeSpan Backoff(int attempt)
    {
        var wait = BaseDelay * Math.Pow(2, attempt - 1);
        return wait < MaxDelay ? wait : MaxDelay;
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>SendGrid's <c>errors[].message</c> (with the field, when given); the raw body when it is not that shape.</summary>
    private static async Task<string> ReadErrorsAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        var text = content is null ? "" : await content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array)
            {
                var messages = new StringBuilder();
                foreach (var error in errors.EnumerateArray())
                {
                    if (error.ValueKind != JsonValueKind.Object || !error.TryGetProperty("message", out var errorMessage))
                    {
                        continue;
                    }

                    if (messages.Length > 0)
                    {
                        messages.Append("; ");
                    }

                    messages.Append(errorMessage.ToString());
                    if (error.TryGetProperty("field", out var field) && field.ValueKind == JsonValueKind.String)
                    {
                        messages.Append(" (field: ").Append(field.GetString()).Append(')');
                    }
                }

                if (messages.Length > 0)
                {
                    return messages.ToString();
                }
            }
        }
        catch (JsonException)
        {
            // Not SendGrid's JSON error shape (a proxy's page, say): the raw body follows.
        }

        text = text.Trim();
        return text.Length == 0 ? "no error details in the response" : text.Length > 500 ? text[..500] + "…" : text;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SendGrid accepted the {Purpose} email of program {ProgramId} ({Status}, message id {MessageId}, attempt {Attempt})")]
    private static partial void LogSent(ILogger logger, string programId, string purpose, int status, string messageId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid answered {Status} to the {Purpose} email of program {ProgramId}; attempt {Attempt} of {MaxAttempts}, retrying in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, string programId, string purpose, int status, int attempt, int maxAttempts, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid could not be reached for the {Purpose} email of program {ProgramId}; attempt {Attempt} of {MaxAttempts}, retrying in {DelayMs} ms")]
    private static partial void LogUnreachable(ILogger logger, string programId, string purpose, int attempt, int maxAttempts, double delayMs, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid refused the {Purpose} email of program {ProgramId} with {Status}")]
    private static partial void LogRefused(ILogger logger, string programId, string purpose, int status);
}
