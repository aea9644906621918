using DurableTask.Core.Serializing;
using SdkJsonDataConverter = Microsoft.DurableTask.Converters.JsonDataConverter;

namespace MentorFlow.Local.Durable;

/// <summary>
/// A DurableTask.Core data converter that writes the Durable Task SDK's System.Text.Json format, so what the
/// client side (<see cref="DurableTask.Core.TaskHubClient"/>) stores is what the SDK's orchestrators read.
/// </summary>
internal sealed class SdkDataConverter : DataConverter
{
    public static readonly SdkDataConverter Instance = new();

    public override string? Serialize(object? value) => SdkJsonDataConverter.Default.Serialize(value);

    public override string? Serialize(object? value, bool formatted) => Serialize(value);

    public override object? Deserialize(string? data, Type objectType) => SdkJsonDataConverter.Default.Deserialize(data, objectType);
}
