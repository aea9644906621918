namespace MentorFlow.Workflows.Criteria;

/// <summary>The type of a metric's value.</summary>
public enum MetricKind
{
    Number,
    Boolean,
    Text,
}
