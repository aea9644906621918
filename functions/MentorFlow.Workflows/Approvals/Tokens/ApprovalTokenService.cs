using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MentorFlow.Workflows.Programs;
using Microsoft.Extensions.Options;

namespace MentorFlow.Workflows.Approvals.Tokens;

/// <summary>
/// Creates and checks the signed, expiring tokens in one-click approval links:
/// <c>base64url(payload JSON) "." base64url(HMAC-SHA256(key, payload part))</c>, URL-safe and unpadded.
/// The payload is readable (it only names ids, the approver and the expiry); the signature makes it unforgeable.
/// Single use is not decided here but by the approval's stored state.
/// </summary>
public sealed class ApprovalTokenService
{
    private const int PayloadVersion = 1;

    // base64url of a 32-byte HMAC-SHA256, unpadded.
    private const int SignatureLength = 43;

    // Our tokens are a few hundred characters; anything far longer is not ours and is refused without decoding it.
    private const int MaxTokenLength = 4096;

    private const int MaxRecordIdLength = 128;

    private readonly byte[] _signingKey;
    private readonly byte[][] _verificationKeys;
    private readonly TimeProvider _timeProvider;

    public ApprovalTokenService(IOptions<ApprovalTokenOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var settings = options.Value;

        // Options validation says the same at start-up; this covers a service built without it.
        if (!ApprovalTokenOptions.TryDecodeKey(settings.SigningKey, out var signingKey))
        {
            throw new InvalidOperationException(
                $"{ApprovalTokenOptions.Section}:SigningKey must be base64 of at least {ApprovalTokenOptions.MinimumKeyBytes} bytes.");
        }

        var previous = settings.PreviousSigningKeys ?? [];
        var keys = new List<byte[]>(previous.Length + 1) { signingKey };
        for (var i = 0; i < previous.Length; i++)
        {
            if (!ApprovalTokenOptions.TryDecodeKey(previous[i], out var key))
            {
                throw new InvalidOperationException(
                    $"{ApprovalTokenOptions.Section}:PreviousSigningKeys:{i} must be base64 of at least {ApprovalTokenOptions.MinimumKeyBytes} bytes.");
            }

            keys.Add(key);
        }

        _signingKey = signingKey;
        _verificationKeys = [.. keys];
        _timeProvider = timeProvider;
    }

    /// <summary>Signs <paramref name="claims"/> with the current key; the expiry is kept to whole seconds (rounded down).</summary>
    public string Create(ApprovalTokenClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentException.ThrowIfNullOrWhiteSpace(claims.ProgramId);
        ArgumentException.ThrowIfNullOrWhiteSpace(claims.ApprovalId);
        ArgumentException.ThrowIfNullOrWhiteSpace(claims.Approver);

        var payload = Base64Url.EncodeToString(WritePayload(claims));
        var signature = Base64Url.EncodeToString(Sign(_signingKey, Encoding.ASCII.GetBytes(payload)));
        return payload + "." + signature;
    }

    /// <summary>
    /// Checks a token from a link. Never throws on what a browser sends: anything that is not one of our tokens is
    /// <see cref="ApprovalTokenStatus.Malformed"/> or <see cref="ApprovalTokenStatus.BadSignature"/>.
    /// </summary>
    public ApprovalTokenCheck Verify(string token)
    {
        if (!TrySplit(token, out var payloadPart, out var signaturePart))
        {
            return ApprovalTokenCheck.Malformed;
        }

        // The signature is checked before the payload is parsed, so untrusted JSON is never read.
        var signed = Encoding.ASCII.GetBytes(payloadPart);
        var presented = Encoding.ASCII.GetBytes(signaturePart);
        if (!IsSignedByAnyKey(signed, presented))
        {
            return ApprovalTokenCheck.BadSignature;
        }

        if (!TryReadPayload(payloadPart, out var claims))
        {
            return ApprovalTokenCheck.Malformed;
        }

        return _timeProvider.GetUtcNow() < claims.ExpiresAt
            ? ApprovalTokenCheck.Valid(claims)
            : ApprovalTokenCheck.Expired(claims);
    }

    private bool IsSignedByAnyKey(byte[] signed, byte[] presented)
    {
        // Comparing the encoded text (not decoded bytes) also refuses non-canonical base64url spellings of a
        // valid signature, so changing any character of a token invalidates it.
        Span<byte> expected = stackalloc byte[SignatureLength];
        foreach (var key in _verificationKeys)
        {
            Base64Url.EncodeToUtf8(Sign(key, signed), expected);
            if (CryptographicOperations.FixedTimeEquals(expected, presented))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] Sign(byte[] key, byte[] payloadPart) => HMACSHA256.HashData(key, payloadPart);

    private static bool TrySplit(string? token, out string payloadPart, out string signaturePart)
    {
        payloadPart = signaturePart = "";
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return false;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || token.Length - dot - 1 != SignatureLength)
        {
            return false;
        }

        foreach (var c in token.AsSpan(0, dot))
        {
            if (!IsBase64UrlChar(c))
            {
                return false;
            }
        }

        foreach (var c in token.AsSpan(dot + 1))
        {
            if (!IsBase64UrlChar(c))
            {
                return false;
            }
        }

        payloadPart = token[..dot];
        signaturePart = token[(dot + 1)..];
        return true;
    }

    private static bool IsBase64UrlChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static byte[] WritePayload(ApprovalTokenClaims claims)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("p", claims.ProgramId);
            writer.WriteString("a", claims.ApprovalId);
            writer.WriteString("e", claims.Approver);
            writer.WriteNumber("x", claims.ExpiresAt.ToUnixTimeSeconds());
            writer.WriteNumber("v", PayloadVersion);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static bool TryReadPayload(string payloadPart, out ApprovalTokenClaims claims)
    {
        claims = null!;
        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(payloadPart));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !TryGetInt64(root, "v", out var version) || version != PayloadVersion
                || !TryGetText(root, "p", out var programId) || !ProgramIds.IsWellFormed(programId)
                || !TryGetText(root, "a", out var approvalId) || !IsWellFormedRecordId(approvalId)
                || !TryGetText(root, "e", out var approver)
                || !TryGetInt64(root, "x", out var expiresAt)
                || expiresAt < DateTimeOffset.MinValue.ToUnixTimeSeconds()
                || expiresAt > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            {
                return false;
            }

            claims = new ApprovalTokenClaims(programId, approvalId, approver, DateTimeOffset.FromUnixTimeSeconds(expiresAt));
            return true;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string escape of half a surrogate pair, which is JSON but no text.
            return false;
        }
    }

    /// <summary>
    /// An approval, check-in or story id as we issue them (<c>nomination-0003</c>, <c>checkin:pilot-1-00002-mentee</c>):
    /// letters, digits, '-', '_' and ':' only, so an id from a link can never be a storage key we did not write.
    /// </summary>
    private static bool IsWellFormedRecordId(string id) =>
        id.Length <= MaxRecordIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':');

    private static bool TryGetText(JsonElement root, string name, out string value)
    {
        value = "";
        if (!root.TryGetProperty(name, out var property) || property.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = property.GetString()!;
        return !string.IsNullOrWhiteSpace(value);
    }

    private static bool TryGetInt64(JsonElement root, string name, out long value)
    {
        value = 0;
        return root.TryGetProperty(name, out var property)
            && property.ValueKind == JsonValueKind.Number
            && property.TryGetInt64(out value);
    }
}
