using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorFlow.Local.Storage;

/// <summary>
/// The storage account an Azurite of ours serves: a name and key of its own per data folder (kept in
/// <c>{DataLocation}/azurite-account.json</c>), handed to Azurite through <c>AZURITE_ACCOUNTS</c>, which also turns its
/// well-known <c>devstoreaccount1</c> off. Any other emulator refuses requests signed with this key, so a host can
/// tell its own Azurite from one another host started on the same ports.
/// </summary>
internal sealed record AzuriteAccount(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("key")] string Key)
{
    public const string FileName = "azurite-account.json";

    /// <summary>The variable Azurite reads its accounts from (<c>name:key</c>).</summary>
    public const string EnvironmentVariable = "AZURITE_ACCOUNTS";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The value of <see cref="EnvironmentVariable"/> for this account.</summary>
    public string EnvironmentValue => $"{Name}:{Key}";

    /// <summary>A fresh account: "mf" and 16 hex digits (a valid storage account name), a random 512-bit key.</summary>
    public static AzuriteAccount CreateNew() =>
        new("mf" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));

    /// <summary>The folder's account, created and saved on first use. The caller holds the folder's lock.</summary>
    public static AzuriteAccount LoadOrCreate(string location)
    {
        var path = Path.Combine(location, FileName);
        if (TryRead(path) is { } existing)
        {
            return existing;
        }

        var account = CreateNew();
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(account, Json));
        if (!OperatingSystem.IsWindows())
        {
            // The key opens the folder's storage: only its owner reads it, like the API key beside it.
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
        return account;
    }

    private static AzuriteAccount? TryRead(string path)
    {
        try
        {
            var account = JsonSerializer.Deserialize<AzuriteAccount>(File.ReadAllText(path), Json);
            return account is { Name.Length: >= 3, Key.Length: > 0 } && IsBase64(account.Key) ? account : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private static bool IsBase64(string value) => Convert.TryFromBase64String(value, new byte[value.Length], out _);
}
