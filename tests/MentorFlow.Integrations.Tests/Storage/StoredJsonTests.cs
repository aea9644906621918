using System.Text.Json;
using MentorFlow.Integrations.Storage;

namespace MentorFlow.Integrations.Tests.Storage;

public class StoredJsonTests
{
    [Theory]
    [InlineData("<b>&'+ café €")]
    [InlineData("rocket 🚀 and \"quotes\" and \\ backslash")]
    [InlineData("line\nbreak\ttab \u0001 control")]
    [InlineData("\\u0041 is not an escape here")]
    public void Serialize_AnyText_ReadsBackTheSame(string text)
    {
        var json = StoredJson.Serialize(new[] { text }, JsonSerializerOptions.Default);

        Assert.Equal(text, Assert.Single(JsonSerializer.Deserialize<string[]>(json)!));
    }

    [Fact]
    public void Serialize_HtmlAndNonAsciiText_KeepsEveryCharacterAsItIs()
    {
        var text = string.Concat(Enumerable.Repeat("<&'é€🚀", 1_000));

        var json = StoredJson.Serialize(text, JsonSerializerOptions.Default);

        // The default writer makes each of these a six-character escape; stored, only the quotes are added.
        Assert.True(JsonSerializer.Serialize(text).Length > 5 * text.Length);
        Assert.Equal(text.Length + 2, json.Length);
    }

    [Fact]
    public void Unescape_QuoteBackslashControlAndLoneSurrogate_StayEscaped()
    {
        const string json = "\"\\u0022 \\u005C \\u0007 \\uD800 \\u003C\"";

        Assert.Equal("\"\\u0022 \\u005C \\u0007 \\uD800 <\"", StoredJson.Unescape(json));
    }
}
