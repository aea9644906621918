using System.Text;
using MentorFlow.Integrations.SendGridEvents;

namespace MentorFlow.Integrations.Tests.SendGridEvents;

public class SendGridEventParserTests
{
    [Fact]
    public void Parse_RealisticBatch_ReadsEveryEventInOrder()
    {
        var batch = new SendGridEventBatch()
            .Processed()
            .Delivered()
            .Bounce("550 5.1.1 The email account that you tried to reach does not exist.")
            .Dropped("Bounced Address");

        var events = SendGridEventParser.Parse(batch.ToUtf8());

        Assert.Equal(["processed", "delivered", "bounce", "dropped"], events.Select(e => e.EventType));
        Assert.All(events, e => Assert.Equal(SendGridEventBatch.Recipient, e.Email));
        Assert.Equal(["sg-event-0", "sg-event-1", "sg-event-2", "sg-event-3"], events.Select(e => e.EventId));
    }

    [Fact]
    public void Parse_EventWithCustomArgs_ReadsKeyAndProgram()
    {
        var events = SendGridEventParser.Parse(new SendGridEventBatch().Delivered().ToUtf8());

        var delivered = Assert.Single(events);
        Assert.Equal(SendGridEventBatch.Key, delivered.MentorFlowKey);
        Assert.Equal(SendGridEventBatch.Program, delivered.MentorFlowProgram);
        Assert.Equal(SendGridEventBatch.MessageId, delivered.MessageId);
    }

    [Fact]
    public void Parse_Bounce_ReadsReasonAndBounceType()
    {
        var events = SendGridEventParser.Parse(new SendGridEventBatch().Bounce("550 5.1.1 No such user", type: "blocked").ToUtf8());

        var bounce = Assert.Single(events);
        Assert.Equal("550 5.1.1 No such user", bounce.Reason);
        Assert.Equal("blocked", bounce.BounceType);
    }

    [Fact]
    public void Parse_Dropped_ReadsReason()
    {
        var dropped = Assert.Single(SendGridEventParser.Parse(new SendGridEventBatch().Dropped("Bounced Address").ToUtf8()));

        Assert.Equal("Bounced Address", dropped.Reason);
        Assert.Null(dropped.BounceType);
    }

    [Fact]
    public void Parse_Timestamp_ReadsUnixSeconds()
    {
        var events = SendGridEventParser.Parse(new SendGridEventBatch().Processed().Delivered().ToUtf8());

        Assert.Equal([SendGridEventBatch.At, SendGridEventBatch.At.AddSeconds(1)], events.Select(e => e.Timestamp));
    }

    [Fact]
    public void Parse_EventWithoutCustomArgs_LeavesThemNull()
    {
        var events = SendGridEventParser.Parse(new SendGridEventBatch().WithoutCustomArgs("delivered").ToUtf8());

        var delivered = Assert.Single(events);
        Assert.Null(delivered.MentorFlowKey);
        Assert.Null(delivered.MentorFlowProgram);
        Assert.Null(delivered.Reason);
    }

    [Fact]
    public void Parse_EmptyArray_ReturnsNoEvents()
    {
        Assert.Empty(SendGridEventParser.Parse("[]"u8));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[{\"event\":\"delivered\"")]
    [InlineData("[] []")]
    [InlineData("[] x")]
    public void Parse_NotJson_ThrowsFormatExceptionSayingSo(string body)
    {
        var error = Assert.Throws<SendGridEventFormatException>(() => SendGridEventParser.Parse(Encoding.UTF8.GetBytes(body)));

        Assert.StartsWith("The SendGrid event batch is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "must be a JSON array of events, not an object")]
    [InlineData("[1]", "$[0] must be an event object, not a number")]
    [InlineData("""[{"email":"a@example.com","timestamp":1795000000}]""", "$[0].event is missing")]
    [InlineData("""[{"event":"delivered","timestamp":1795000000}]""", "$[0].email is missing")]
    [InlineData("""[{"event":"delivered","email":"a@example.com"}]""", "$[0].timestamp is missing")]
    [InlineData("""[{"event":"delivered","email":"a@example.com","timestamp":"yesterday"}]""", "$[0].timestamp must be a time in unix seconds")]
    [InlineData("""[{"event":"bounce","email":"a@example.com","timestamp":1795000000,"reason":42}]""", "$[0].reason must be a string, not a number")]
    [InlineData("""[{"event":"bounce","email":"\ud800@example.com","timestamp":1795000000}]""", "$[0].email is not valid text")]
    [InlineData("""[{"event":"bounce","email":"a@example.com","timestamp":1795000000},{"event":"bounce","email":"a@example.com","timestamp":1795000000,"reason":"x\udfff"}]""", "$[1].reason is not valid text")]
    public void Parse_NotAnEventBatch_ThrowsFormatExceptionNamingWhere(string body, string expected)
    {
        var error = Assert.Throws<SendGridEventFormatException>(() => SendGridEventParser.Parse(Encoding.UTF8.GetBytes(body)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
