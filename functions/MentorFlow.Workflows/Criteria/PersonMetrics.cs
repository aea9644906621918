using System.Globalization;

namespace MentorFlow.Workflows.Criteria;

/// <summary>One person's metrics (see <see cref="Metrics"/>): numbers as double, text as given, null when missing.</summary>
public sealed class PersonMetrics
{
    private readonly Dictionary<string, object?> values;

    public PersonMetrics(string email, string name, IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Email = email;
        Name = name;
        this.values = new Dictionary<string, object?>(values, StringComparer.Ordinal);
    }

    /// <summary>The person's address: directory mail, else user principal name.</summary>
    public string Email { get; }

    public string Name { get; }

    /// <summary>A metric's value, or null when the person lacks it (or the name is unknown).</summary>
    public object? Get(string metric) => values.GetValueOrDefault(metric);

    /// <summary>A numeric metric, or null when missing.</summary>
    public double? Number(string metric) => values.GetValueOrDefault(metric) switch
    {
        double d => d,
        bool b => b ? 1 : 0,
        _ => null,
    };

    /// <summary>Every metric, in <see cref="Metrics.All"/> order.</summary>
    public IReadOnlyDictionary<string, object?> All => Metrics.All.Keys.ToDictionary(k => k, Get, StringComparer.Ordinal);

    /// <summary>A value as explanations show it.</summary>
    public static string Format(object? value) => value switch
    {
        null => "missing",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s => $"'{s}'",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
