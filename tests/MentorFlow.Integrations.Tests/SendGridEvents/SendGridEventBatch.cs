using System.Text;
using System.Text.Json.Nodes;

namespace MentorFlow.Integrations.Tests.SendGridEvents;

/// <summary>
/// Builds Event Webhook bodies shaped like SendGrid's (its documented sample events), with MentorFlow's custom
/// args as top-level properties the way SendGrid delivers them.
/// </summary>
internal sealed class SendGridEventBatch
{
    public const string Recipient = "dana.sponsor@example.com";
    public const string MessageId = "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0";
    public const string Key = "prg-0001/apr-sponsor/1";
    public const string Program = "prg-0001";
    public static readonly DateTimeOffset At = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    private readonly JsonArray _events = [];

    public SendGridEventBatch Processed() => Add("processed", new JsonObject
    {
        ["category"] = new JsonArray("approval", "sponsorship"),
    });

    public SendGridEventBatch Delivered() => Add("delivered", new JsonObject
    {
        ["response"] = "250 2.0.0 OK 1700000000 d2-20020a05620a",
        ["ip"] = "168.1.1.1",
        ["tls"] = 1,
        ["category"] = "approval",
    });

    public SendGridEventBatch Bounce(string reason, string type = "bounce") => Add("bounce", new JsonObject
    {
        ["reason"] = reason,
        ["status"] = "5.1.1",
        ["type"] = type,
        ["bounce_classification"] = "Invalid Address",
        ["ip"] = "168.1.1.1",
        ["tls"] = 0,
    });

    public SendGridEventBatch Dropped(string reason) => Add("dropped", new JsonObject
    {
        ["reason"] = reason,
        ["status"] = "5.0.0",
    });

    /// <summary>An event of a message sent without MentorFlow's custom args (a test send from SendGrid's settings page).</summary>
    public SendGridEventBatch WithoutCustomArgs(string eventType)
    {
        _events.Add(Common(eventType, _events.Count));
        return this;
    }

    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(_events.ToJsonString());

    public override string ToString() => _events.ToJsonString();

    private SendGridEventBatch Add(string eventType, JsonObject specific)
    {
        var item = Common(eventType, _events.Count);
        item["mentorflow_key"] = Key;
        item["mentorflow_program"] = Program;
        foreach (var (name, value) in specific)
        {
            item[name] = value?.DeepClone();
        }

        _events.Add(item);
        return this;
    }

    private static JsonObject Common(string eventType, int index) => new()
    {
        ["email"] = Recipient,
        ["timestamp"] = At.AddSeconds(index).ToUnixTimeSeconds(),
        ["smtp-id"] = "<14c5d75ce93.dfd.64b469@ismtpd-555>",
        ["event"] = eventType,
        ["sg_event_id"] = $"sg-event-{index}",
        ["sg_message_id"] = MessageId,
    };
}
