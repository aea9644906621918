namespace MentorFlow.Workflows.Definitions;

/// <summary>
/// The most each list and text of a program definition may hold (texts in UTF-16 characters, as .NET and Azure
/// Tables count them). No real HR definition comes near them; they exist so that every definition the API accepts
/// can be stored and run to the end: together with the 256 KB body limit they keep every stored form (definition,
/// charter, role charter with its HTML, charter approval) inside one Azure Table entity (1 MiB), and a definition
/// with every list and text at its limit still fits in the body limit. docs/program-definition.md lists them.
/// </summary>
public static class DefinitionLimits
{
    /// <summary>The program's name: it is in every email subject and in the program list.</summary>
    public const int NameLength = 200;

    /// <summary>Purpose, scope and the target population's description.</summary>
    public const int LongTextLength = 4_000;

    /// <summary>One learning outcome, one measure, one benefit, one responsibility.</summary>
    public const int ItemTextLength = 400;

    /// <summary>One department, job title or country.</summary>
    public const int ShortTextLength = 100;

    /// <summary>One eligibility rule.</summary>
    public const int RuleLength = 300;

    /// <summary>A person's name.</summary>
    public const int PersonNameLength = 200;

    /// <summary>An email address (RFC 5321 allows 254 characters).</summary>
    public const int EmailLength = 254;

    /// <summary>A duration such as P5D.</summary>
    public const int DurationLength = 40;

    /// <summary>Learning outcomes.</summary>
    public const int LearningOutcomes = 20;

    /// <summary>Benefits.</summary>
    public const int Benefits = 20;

    /// <summary>Departments, job titles and countries of the target population (each list).</summary>
    public const int PopulationItems = 200;

    /// <summary>Responsibilities of one role.</summary>
    public const int Responsibilities = 20;

    /// <summary>Eligibility rules of mentees, and of mentors.</summary>
    public const int EligibilityRules = 20;

    /// <summary>Sales leaders asked to pledge support.</summary>
    public const int Leaders = 100;

    /// <summary>Reminders before an approval times out.</summary>
    public const int Reminders = 10;

    /// <summary>Check-ins of the pilot, and of the rollout.</summary>
    public const int CheckIns = 52;
}
