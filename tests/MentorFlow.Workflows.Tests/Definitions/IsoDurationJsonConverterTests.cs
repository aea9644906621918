using System.Text.Json;
using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Tests.Definitions;

public class IsoDurationJsonConverterTests
{
    private sealed record Holder(IsoDuration Wait);

    [Fact]
    public void Serialize_WithDefaultOptions_WritesIsoText()
    {
        // The type carries its converter, so any serializer options write the ISO text.
        var json = JsonSerializer.Serialize(new Holder(IsoDuration.Parse("PT1H30M")));

        Assert.Equal("""{"Wait":"PT1H30M"}""", json);
    }

    [Fact]
    public void Deserialize_IsoText_ReadsDuration()
    {
        var holder = JsonSerializer.Deserialize<Holder>("""{"Wait":"P2W"}""");

        Assert.Equal(IsoDuration.Parse("P2W"), holder!.Wait);
    }

    [Theory]
    [InlineData("""{"Wait":"five days"}""")]
    [InlineData("""{"Wait":5}""")]
    [InlineData("""{"Wait":null}""")]
    public void Deserialize_NotADurationString_ThrowsJsonException(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>(json));
    }

    [Fact]
    public void Serialize_AsDictionaryKey_WritesIsoText()
    {
        var json = JsonSerializer.Serialize(new Dictionary<IsoDuration, int> { [IsoDuration.Parse("P5D")] = 1 });

        Assert.Equal("""{"P5D":1}""", json);
        Assert.Equal(1, JsonSerializer.Deserialize<Dictionary<IsoDuration, int>>(json)![IsoDuration.Parse("P5D")]);
    }
}
