using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using MentorFlow.Workflows.Approvals.Tokens;
using Microsoft.Extensions.Options;

namespace MentorFlow.Workflows.Tests.Approvals.Tokens;

/// <summary>Keys, services and hand-signed tokens for the token tests.</summary>
internal static class TokenKeys
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    public static string NewKey(int bytes = 32) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));

    public static ApprovalTokenService Service(string signingKey, params string[] previousKeys) =>
        Service(new ManualTimeProvider(Now), signingKey, previousKeys);

    public static ApprovalTokenService Service(TimeProvider time, string signingKey, params string[] previousKeys) =>
        new(Options.Create(new ApprovalTokenOptions { SigningKey = signingKey, PreviousSigningKeys = previousKeys }), time);

    public static ApprovalTokenClaims Claims(TimeSpan? validFor = null) =>
        new("prg-0001", "apr-sponsor", "dana.sponsor@example.com", Now + (validFor ?? TimeSpan.FromDays(7)));

    /// <summary>A token in the right format over any payload text, signed with <paramref name="key"/>.</summary>
    public static string SignRaw(string key, string payloadJson)
    {
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson));
        var signature = HMACSHA256.HashData(Convert.FromBase64String(key), Encoding.ASCII.GetBytes(payload));
        return payload + "." + Base64Url.EncodeToString(signature);
    }
}
