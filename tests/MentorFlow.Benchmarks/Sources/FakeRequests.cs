using System.Buffers;
using System.Collections.Specialized;
using System.Text.Json;
using System.Web;
using WireMock;

namespace MentorFlow.Benchmarks.Sources;

/// <summary>What the fakes read from a request, and how they write a page.</summary>
internal static class FakeRequests
{
    /// <summary>The request's query parameters, decoded.</summary>
    public static NameValueCollection Query(IRequestMessage request) => HttpUtility.ParseQueryString(request.RawQuery ?? "");

    /// <summary>The query again with <paramref name="name"/> set to <paramref name="value"/>: a next-page link as the services write them.</summary>
    public static string QueryWith(NameValueCollection query, string name, string value) =>
        string.Join("&", query.AllKeys.Where(k => k is not null && k != name)
            .Select(k => $"{Uri.EscapeDataString(k!)}={Uri.EscapeDataString(query[k] ?? "")}")
            .Append($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}"));

    /// <summary>A header's first value (names ignore case), or null.</summary>
    public static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    /// <summary>A number after <c>key=</c> in a header such as <c>Prefer: odata.maxpagesize=5000</c>, or null.</summary>
    public static int? HeaderNumber(IRequestMessage request, string header, string key)
    {
        var value = Header(request, header);
        var at = value?.IndexOf(key + "=", StringComparison.OrdinalIgnoreCase) ?? -1;
        if (value is null || at < 0)
        {
            return null;
        }

        var digits = new string([.. value[(at + key.Length + 1)..].TakeWhile(char.IsAsciiDigit)]);
        return int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    /// <summary>An integer query parameter, or <paramref name="otherwise"/>.</summary>
    public static int Number(NameValueCollection query, string name, int otherwise) =>
        int.TryParse(query[name], System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : otherwise;

    /// <summary>Writes one page with <paramref name="write"/> and hands back its UTF-8 bytes.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
