using System.Buffers.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MentorFlow.Workflows.Approvals.Tokens;

namespace MentorFlow.Workflows.Tests.Approvals.Tokens;

public class ApprovalTokenServiceTests
{
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private readonly string _key = TokenKeys.NewKey();

    [Fact]
    public void Verify_TokenFromCreate_ReturnsValidWithSameClaims()
    {
        var service = TokenKeys.Service(_key);
        var claims = TokenKeys.Claims();

        var check = service.Verify(service.Create(claims));

        Assert.Equal(ApprovalTokenStatus.Valid, check.Status);
        Assert.True(check.IsValid);
        Assert.Equal(claims, check.Claims);
    }

    [Fact]
    public void Create_AnyClaims_IsUrlSafeWithoutPadding()
    {
        var claims = TokenKeys.Claims() with { Approver = "o'brien+approvals/€@example.com", ApprovalId = "a?b=c&d" };

        var token = TokenKeys.Service(_key).Create(claims);

        Assert.Matches(new Regex("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$"), token);
    }

    [Fact]
    public void Create_Payload_HoldsProgramApprovalApproverExpiryAndVersion()
    {
        var claims = TokenKeys.Claims();

        var token = TokenKeys.Service(_key).Create(claims);

        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[0]));
        var root = payload.RootElement;
        Assert.Equal("prg-0001", root.GetProperty("p").GetString());
        Assert.Equal("apr-sponsor", root.GetProperty("a").GetString());
        Assert.Equal("dana.sponsor@example.com", root.GetProperty("e").GetString());
        Assert.Equal(claims.ExpiresAt.ToUnixTimeSeconds(), root.GetProperty("x").GetInt64());
        Assert.Equal(1, root.GetProperty("v").GetInt32());
    }

    [Fact]
    public void Verify_AnyOneCharacterChanged_IsNotValid()
    {
        var service = TokenKeys.Service(_key);
        var token = service.Create(TokenKeys.Claims());

        // Every position, every other URL-safe character: also covers spellings that decode to the same bytes.
        var accepted = new List<string>();
        for (var i = 0; i < token.Length; i++)
        {
            foreach (var replacement in Base64UrlAlphabet + ".")
            {
                if (replacement == token[i])
                {
                    continue;
                }

                var changed = string.Concat(token.AsSpan(0, i), replacement.ToString(), token.AsSpan(i + 1));
                if (service.Verify(changed).Status == ApprovalTokenStatus.Valid)
                {
                    accepted.Add(changed);
                }
            }
        }

        Assert.Empty(accepted);
    }

    [Fact]
    public void Verify_ChangedPayloadCharacter_ReturnsBadSignatureWithoutClaims()
    {
        var service = TokenKeys.Service(_key);
        var token = service.Create(TokenKeys.Claims());
        var changed = (token[0] == 'A' ? 'B' : 'A') + token[1..];

        var check = service.Verify(changed);

        Assert.Equal(ApprovalTokenStatus.BadSignature, check.Status);
        Assert.Null(check.Claims);
    }

    [Fact]
    public void Verify_AfterExpiry_ReturnsExpiredWithClaims()
    {
        var time = new ManualTimeProvider(TokenKeys.Now);
        var service = TokenKeys.Service(time, _key);
        var claims = TokenKeys.Claims(TimeSpan.FromDays(7));
        var token = service.Create(claims);

        time.Now = claims.ExpiresAt.AddSeconds(1);
        var check = service.Verify(token);

        Assert.Equal(ApprovalTokenStatus.Expired, check.Status);
        Assert.False(check.IsValid);
        Assert.Equal(claims, check.Claims);
    }

    [Theory]
    [InlineData(-1, ApprovalTokenStatus.Valid)]
    [InlineData(0, ApprovalTokenStatus.Expired)]
    public void Verify_AroundExpiryInstant_ExpiresAtThatInstant(int secondsFromExpiry, ApprovalTokenStatus expected)
    {
        var time = new ManualTimeProvider(TokenKeys.Now);
        var service = TokenKeys.Service(time, _key);
        var claims = TokenKeys.Claims(TimeSpan.FromHours(1));
        var token = service.Create(claims);

        time.Now = claims.ExpiresAt.AddSeconds(secondsFromExpiry);

        Assert.Equal(expected, service.Verify(token).Status);
    }

    [Fact]
    public void Verify_ExpiryWithFractionOfSecond_ReportsWholeSecondsRoundedDown()
    {
        var service = TokenKeys.Service(_key);
        var claims = TokenKeys.Claims() with { ExpiresAt = new DateTimeOffset(2026, 11, 27, 14, 5, 30, 900, TimeSpan.FromHours(1)) };

        var check = service.Verify(service.Create(claims));

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 13, 5, 30, TimeSpan.Zero), check.Claims!.ExpiresAt);
    }

    [Fact]
    public void Verify_SignedWithPreviousKey_ReturnsValid()
    {
        var previousKey = TokenKeys.NewKey();
        var token = TokenKeys.Service(previousKey).Create(TokenKeys.Claims());

        var check = TokenKeys.Service(_key, TokenKeys.NewKey(), previousKey).Verify(token);

        Assert.Equal(ApprovalTokenStatus.Valid, check.Status);
    }

    [Fact]
    public void Create_AfterRotation_SignsWithCurrentKeyNotPreviousOne()
    {
        var previousKey = TokenKeys.NewKey();
        var rotated = TokenKeys.Service(_key, previousKey);

        var token = rotated.Create(TokenKeys.Claims());

        Assert.Equal(ApprovalTokenStatus.BadSignature, TokenKeys.Service(previousKey).Verify(token).Status);
        Assert.Equal(ApprovalTokenStatus.Valid, TokenKeys.Service(_key).Verify(token).Status);
    }

    [Fact]
    public void Verify_SignedWithUnknownKey_ReturnsBadSignature()
    {
        var token = TokenKeys.Service(TokenKeys.NewKey()).Create(TokenKeys.Claims());

        var check = TokenKeys.Service(_key, TokenKeys.NewKey()).Verify(token);

        Assert.Equal(ApprovalTokenStatus.BadSignature, check.Status);
        Assert.Null(check.Claims);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a.b")]
    [InlineData("a.b.c")]
    [InlineData("eyJwIjoiMSJ9")]
    [InlineData("eyJwIjoiMSJ9.")]
    [InlineData(".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("eyJwIjoiMSJ9.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("ey+wIjoiMSJ9.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("eyJwIjoiMSJ9.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/")]
    [InlineData("eyJwIjoiMSJ9 .AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("%00%ff")]
    public void Verify_Garbage_ReturnsMalformed(string token)
    {
        var check = TokenKeys.Service(_key).Verify(token);

        Assert.Equal(ApprovalTokenStatus.Malformed, check.Status);
        Assert.Null(check.Claims);
    }

    [Fact]
    public void Verify_Null_ReturnsMalformed()
    {
        Assert.Equal(ApprovalTokenStatus.Malformed, TokenKeys.Service(_key).Verify(null!).Status);
    }

    [Fact]
    public void Verify_VeryLongToken_ReturnsMalformed()
    {
        var token = new string('A', 1_000_000) + "." + new string('A', 43);

        Assert.Equal(ApprovalTokenStatus.Malformed, TokenKeys.Service(_key).Verify(token).Status);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"p":"prg-0001","a":"apr-sponsor","e":"dana@example.com","x":1795000000}""")]
    [InlineData("""{"p":"prg-0001","a":"apr-sponsor","e":"dana@example.com","x":1795000000,"v":2}""")]
    [InlineData("""{"p":"","a":"apr-sponsor","e":"dana@example.com","x":1795000000,"v":1}""")]
    [InlineData("""{"p":"prg-0001","a":"apr-sponsor","e":"dana@example.com","x":"soon","v":1}""")]
    [InlineData("""{"p":"prg-0001","a":"apr-sponsor","e":"dana@example.com","x":99999999999999999,"v":1}""")]
    [InlineData("""{"p":"prg-../../x","a":"charter","e":"dana@example.com","x":1795000000,"v":1}""")]
    [InlineData("""{"p":"prg-0001","a":"../charter","e":"dana@example.com","x":1795000000,"v":1}""")]
    [InlineData("""{"p":"prg-0001","a":"charter#1","e":"dana@example.com","x":1795000000,"v":1}""")]
    [InlineData("""{"p":"prg-0001","a":"checkin:pilot/1","e":"dana@example.com","x":1795000000,"v":1}""")]
    [InlineData("""{"p":"prg-\u0000","a":"charter","e":"dana@example.com","x":1795000000,"v":1}""")]
    [InlineData("""{"p":"prg-0001","a":"charter","e":"\ud800","x":1795000000,"v":1}""")]
    [InlineData("""{"p":"\udc00prg-0001","a":"charter","e":"dana@example.com","x":1795000000,"v":1}""")]
    public void Verify_SignedPayloadNotOurFormat_ReturnsMalformed(string payloadJson)
    {
        var token = TokenKeys.SignRaw(_key, payloadJson);

        Assert.Equal(ApprovalTokenStatus.Malformed, TokenKeys.Service(_key).Verify(token).Status);
    }

    [Fact]
    public void Create_EmptyApprover_Throws()
    {
        var claims = TokenKeys.Claims() with { Approver = " " };

        Assert.Throws<ArgumentException>(() => TokenKeys.Service(_key).Create(claims));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void Constructor_UnusableSigningKey_ThrowsNamingSetting(string? signingKey)
    {
        var error = Assert.Throws<InvalidOperationException>(() => TokenKeys.Service(signingKey!));

        Assert.Contains("MentorFlow:Approvals:SigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnusablePreviousKey_ThrowsNamingSettingAndIndex()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TokenKeys.Service(_key, TokenKeys.NewKey(), TokenKeys.NewKey(16)));

        Assert.Contains("MentorFlow:Approvals:PreviousSigningKeys:1", error.Message, StringComparison.Ordinal);
    }
}
