namespace MentorFlow.Workflows.Definitions;

/// <summary>Something a mentee should be able to do after the program, and how that is measured.</summary>
/// <param name="Outcome">The outcome, e.g. "Lead a weekly pipeline review".</param>
/// <param name="Measure">The evidence, e.g. "Leads 4 reviews observed by the mentor".</param>
public sealed record LearningOutcome(string Outcome, string Measure);
