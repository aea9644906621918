using Azure.Data.Tables;

namespace MentorFlow.Integrations.Storage;

/// <summary>
/// Stores text longer than one table property allows (32K UTF-16 characters) across numbered properties
/// of one entity; an entity holds up to 1 MB, enough for a 256 KB definition.
/// </summary>
internal static class LargeText
{
    private const int ChunkChars = 30_000;

    public static void Write(TableEntity entity, string name, string text)
    {
        var count = (text.Length + ChunkChars - 1) / ChunkChars;
        entity[name + "Chunks"] = count;
        for (var i = 0; i < count; i++)
        {
            entity[name + i] = text.Substring(i * ChunkChars, Math.Min(ChunkChars, text.Length - (i * ChunkChars)));
        }
    }

    public static string Read(TableEntity entity, string name)
    {
        var count = entity.GetInt32(name + "Chunks")
            ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} has no '{name}'.");
        return string.Concat(Enumerable.Range(0, count).Select(i => entity.GetString(name + i)));
    }
}
