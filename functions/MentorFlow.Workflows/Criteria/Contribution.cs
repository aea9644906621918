namespace MentorFlow.Workflows.Criteria;

/// <summary>What one weighted metric added to a person's score.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Value">The person's value (null: missing, counted as 0).</param>
/// <param name="Normalised">The value min–max normalised over the pool.</param>
/// <param name="Weight">The metric's weight.</param>
/// <param name="Points">weight × normalised / Σ weights.</param>
public sealed record Contribution(string Metric, double? Value, double Normalised, double Weight, double Points);
