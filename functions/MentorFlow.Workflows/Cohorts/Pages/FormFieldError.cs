namespace MentorFlow.Workflows.Cohorts.Pages;

/// <summary>Why one field of a submitted form was refused; the page lists these and marks the field.</summary>
/// <param name="Field">The field's name (and element id), e.g. <c>rating</c>.</param>
/// <param name="Message">What to fix, in plain words.</param>
public sealed record FormFieldError(string Field, string Message);
