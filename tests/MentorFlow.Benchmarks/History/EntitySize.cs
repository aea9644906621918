using System.Text;
using Azure.Data.Tables;

namespace MentorFlow.Benchmarks.History;

/// <summary>
/// How big a table row is: <see cref="Utf8"/> counts its keys, property names and string values as UTF-8 (what the
/// row holds as text), other values by their binary size; <see cref="AzureFormula"/> is Azure Table Storage's documented
/// entity size (4 bytes, then keys and names as UTF-16, each property 8 bytes plus its value, strings as 4 + UTF-16).
/// </summary>
internal static class EntitySize
{
    public static long Utf8(TableEntity row) => Sum(row, utf16: false);

    public static long AzureFormula(TableEntity row) => 4 + Sum(row, utf16: true);

    private static long Sum(TableEntity row, bool utf16)
    {
        long size = Text(row.PartitionKey, utf16) + Text(row.RowKey, utf16);
        foreach (var (name, value) in row)
        {
            // The keys are counted above; the ETag is the service's, not the row's.
            if (name is "PartitionKey" or "RowKey" or "odata.etag")
            {
                continue;
            }

            size += (utf16 ? 8 : 0) + Text(name, utf16) + value switch
            {
                string text => (utf16 ? 4 : 0) + Text(text, utf16),
                byte[] bytes => (utf16 ? 4 : 0) + bytes.Length,
                BinaryData data => (utf16 ? 4 : 0) + data.ToMemory().Length,
                bool => 1,
                int => 4,
                Guid => 16,
                _ => 8,
            };
        }

        return size;
    }

    private static long Text(string? text, bool utf16) => text is null ? 0 : utf16 ? text.Length * 2 : Encoding.UTF8.GetByteCount(text);
}
