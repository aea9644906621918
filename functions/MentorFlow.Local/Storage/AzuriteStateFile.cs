using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorFlow.Local.Storage;

/// <summary>
/// {DataLocation}/azurite.json: which process serves the folder, so a host started after a crash (or kill -9) of the
/// one that launched Azurite finds and reuses it instead of launching a second Azurite on the same files.
/// </summary>
internal sealed record AzuriteStateFile(
    [property: JsonPropertyName("pid")] int ProcessId,
    string Host,
    int BlobPort,
    int QueuePort,
    int TablePort,
    string DataLocation,
    string Version,
    int OwnerProcessId,
    DateTimeOffset StartedAt)
{
    public const string FileName = "azurite.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The recorded state, or null when there is none or it cannot be read (then it is stale anyway).</summary>
    public static AzuriteStateFile? TryRead(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<AzuriteStateFile>(File.ReadAllText(path), Json);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public void Write(string path)
    {
        // Write then rename, so a reader never sees half a file.
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Deletes the file unless it already names another process, which a newer start wrote.</summary>
    public static void DeleteIfFor(string path, int processId)
    {
        var current = TryRead(path);
        if (current is null || current.ProcessId == processId)
        {
            File.Delete(path);
        }
    }
}
