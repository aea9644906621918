using Azure.Data.Tables;
using MentorFlow.Integrations.SendGridEvents;
using MentorFlow.Integrations.Storage;
using MentorFlow.Testing;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Tests.SendGridEvents;

/// <summary>The webhook's record of what it handled, on Azurite: events by id or, without one, by content; bounces per email.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProcessedEventLogTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ProcessedEventLog log = new(
        new TableServiceClient(azurite.ConnectionString),
        Options.Create(new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "T" + Guid.NewGuid().ToString("N")[..12] }));

    [Fact]
    public async Task EventKey_SameEventWithoutIdTwice_MarkedOnce()
    {
        var bounce = Bounce(eventId: null);

        var first = await log.TryMarkAsync(ProcessedEventLog.EventKey(bounce), default);
        var second = await log.TryMarkAsync(ProcessedEventLog.EventKey(Bounce(eventId: null)), default);

        Assert.True(first);
        Assert.False(second);
    }

    [Theory]
    [InlineData("type")]
    [InlineData("email")]
    [InlineData("time")]
    [InlineData("reason")]
    [InlineData("key")]
    public void EventKey_WithoutIdAndAFieldChanged_Differs(string field)
    {
        var bounce = Bounce(eventId: null);
        var changed = field switch
        {
            "type" => bounce with { EventType = "dropped" },
            "email" => bounce with { Email = "someone.else@example.com" },
            "time" => bounce with { Timestamp = At.AddSeconds(1) },
            "reason" => bounce with { Reason = "552 Mailbox full" },
            _ => bounce with { MentorFlowKey = "prg-1/leader-lee/request/1" },
        };

        Assert.NotEqual(ProcessedEventLog.EventKey(bounce), ProcessedEventLog.EventKey(changed));
    }

    [Fact]
    public void EventKey_WithId_IsTheId()
    {
        Assert.Equal("evt-1", ProcessedEventLog.EventKey(Bounce("evt-1")));
        Assert.Equal(ProcessedEventLog.EventKey(Bounce("evt-1")), ProcessedEventLog.EventKey(Bounce("evt-1") with { Reason = "other" }));
    }

    [Fact]
    public void BounceKey_SameEmailAndRecipientInAnyCase_IsTheSame()
    {
        Assert.Equal(
            ProcessedEventLog.BounceKey("prg-1/leader-lee/request/0", "lee@example.com"),
            ProcessedEventLog.BounceKey("prg-1/leader-lee/request/0", "LEE@Example.com"));
        Assert.NotEqual(
            ProcessedEventLog.BounceKey("prg-1/leader-lee/request/0", "lee@example.com"),
            ProcessedEventLog.BounceKey("prg-1/leader-lee/request/1", "lee@example.com"));
    }

    [Fact]
    public async Task OnceAsync_HandlerFailed_TheNextDeliveryRunsItAndTheOneAfterDoesNot()
    {
        var key = ProcessedEventLog.EventKey(Bounce(eventId: null));
        var runs = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => log.OnceAsync(
            key, () => { runs++; throw new InvalidOperationException("Storage is down."); }, default));
        var second = await log.OnceAsync(key, () => { runs++; return Task.FromResult(true); }, default);
        var third = await log.OnceAsync(key, () => { runs++; return Task.FromResult(true); }, default);

        Assert.True(second);
        Assert.False(third);
        Assert.Equal(2, runs);
    }

    private static SendGridEvent Bounce(string? eventId) => new(
        "bounce", "lee@example.com", At, eventId, "msg-1", "550 5.1.1 The email account does not exist.", "bounce",
        "prg-1/leader-lee/request/0", "prg-1");
}
