using System.Buffers;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Net.Mail;
using System.Text.Json;

namespace MentorFlow.Workflows.Definitions;

/// <summary>
/// One pass over a submitted definition that checks every rule and records every problem, so HR can fix
/// everything in one round trip. Each reader returns null exactly when it reported a problem; a node of the
/// wrong JSON type is reported once and its children are not inspected, since anything said about them
/// would be noise.
/// </summary>
internal sealed class DefinitionReader
{
    /// <summary>Problems kept; beyond this one summary problem says how many more there were.</summary>
    internal const int MaxProblems = 100;

    private const string DurationExample = "an ISO 8601 duration such as P5D or PT10S";

    // Durations are compared by where they end from one fixed instant, so "P1M" and "P30D" compare by the calendar.
    private static readonly DateTimeOffset Reference = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly IsoDuration DefaultPerformanceWindow = new(months: 12);

    private static readonly IReadOnlyDictionary<string, double> NoWeights =
        new ReadOnlyDictionary<string, double>(new Dictionary<string, double>());

    private static readonly string[] ProgramFields =
    [
        "name", "purpose", "scope", "targetPopulation", "learningOutcomes", "benefits", "programManager", "sponsor",
        "roles", "criteria", "approvals", "sponsorship", "pilot", "rollout", "matching", "stories",
    ];

    private static readonly string[] TargetPopulationFields = ["description", "departments", "jobTitles", "countries"];
    private static readonly string[] LearningOutcomeFields = ["outcome", "measure"];
    private static readonly string[] PersonFields = ["name", "email"];
    private static readonly string[] RoleFields = ["role", "responsibilities"];
    private static readonly string[] CriteriaFields = ["performanceWindow", "mentee", "mentor", "nominationApprover"];
    private static readonly string[] MenteeFields = ["eligibility", "selection", "maxNominees"];
    private static readonly string[] MentorFields = ["eligibility", "selection", "capacity"];
    private static readonly string[] ApprovalFields = ["timeout", "reminders", "onTimeout"];
    private static readonly string[] SponsorshipFields = ["leaders"];
    private static readonly string[] PilotFields = ["pairs", "duration", "checkIns"];
    private static readonly string[] RolloutFields = ["duration", "checkIns"];
    private static readonly string[] StoriesFields = ["requestAfter"];

    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c),
            .. Enumerable.Range(0x7f, 0x21).Select(c => (char)c)]);

    private readonly List<DefinitionProblem> problems = [];
    private int unreported;

    private DefinitionReader()
    {
    }

    public static DefinitionParseResult Read(JsonElement root)
    {
        var reader = new DefinitionReader();
        var definition = reader.ReadProgram(root);
        return reader.Result(definition);
    }

    private DefinitionParseResult Result(ProgramDefinition? definition)
    {
        if (problems.Count == 0 && definition is not null)
        {
            return DefinitionParseResult.Success(definition);
        }

        if (unreported > 0)
        {
            problems.Add(new DefinitionProblem(
                DefinitionPath.Root,
                $"... and {unreported} more problem{(unreported == 1 ? "" : "s")}; fix the ones above and submit again to see them."));
        }

        return DefinitionParseResult.Failure(problems);
    }

    private ProgramDefinition? ReadProgram(JsonElement root)
    {
        const string path = DefinitionPath.Root;
        if (root.ValueKind != JsonValueKind.Object)
        {
            Report(path, "The program definition must be a JSON object, that is { ... } with the fields described in the documentation.");
            return null;
        }

        if (!AllTextReadable(root, path))
        {
            return null;
        }

        CheckObjectFields(root, path, ProgramFields);
        var name = RequiredText(root, path, "name", DefinitionLimits.NameLength);
        var purpose = RequiredText(root, path, "purpose", DefinitionLimits.LongTextLength);
        var scope = RequiredText(root, path, "scope", DefinitionLimits.LongTextLength);
        var targetPopulation = RequiredObject(root, path, "targetPopulation", TargetPopulationFields, ReadTargetPopulation);
        var learningOutcomes = RequiredList(
            root, path, "learningOutcomes", atLeastOne: true, DefinitionLimits.LearningOutcomes, (item, itemPath) => ReadObject(item, itemPath, LearningOutcomeFields, ReadLearningOutcome));
        var benefits = RequiredList(root, path, "benefits", atLeastOne: true, DefinitionLimits.Benefits, ItemText);
        var programManager = RequiredObject(root, path, "programManager", PersonFields, ReadPerson);
        var sponsor = RequiredObject(root, path, "sponsor", PersonFields, ReadPerson);
        var roles = ReadRoles(root, path);
        var criteria = RequiredObject(root, path, "criteria", CriteriaFields, ReadCriteria);
        var approvals = RequiredObject(root, path, "approvals", ApprovalFields, ReadApprovals);
        var sponsorship = TryGetField(root, "sponsorship", out var sponsorshipValue)
            ? ReadObject(sponsorshipValue, DefinitionPath.Property(path, "sponsorship"), SponsorshipFields, ReadSponsorship)
            : new SponsorshipDefinition([]);
        var pilot = RequiredObject(root, path, "pilot", PilotFields, ReadPilot);
        var rollout = RequiredObject(root, path, "rollout", RolloutFields, ReadRollout);
        var matching = OptionalWeights(root, path, "matching", MatchingFactors.All);
        var stories = RequiredObject(root, path, "stories", StoriesFields, ReadStories);

        // Every reader that returned null reported why, so no problems means every part is present.
        if (problems.Count > 0)
        {
            return null;
        }

        return new ProgramDefinition(
            name!, purpose!, scope!, targetPopulation!, learningOutcomes!, benefits!, programManager!, sponsor!, roles!,
            criteria!, approvals!, sponsorship!, pilot!, rollout!, matching!, stories!);
    }

    private TargetPopulation? ReadTargetPopulation(JsonElement value, string path)
    {
        var description = RequiredText(value, path, "description", DefinitionLimits.LongTextLength);

        // These may be empty: an empty list places no restriction on that dimension.
        var departments = RequiredList(value, path, "departments", atLeastOne: false, DefinitionLimits.PopulationItems, ShortText);
        var jobTitles = RequiredList(value, path, "jobTitles", atLeastOne: false, DefinitionLimits.PopulationItems, ShortText);
        var countries = RequiredList(value, path, "countries", atLeastOne: false, DefinitionLimits.PopulationItems, ShortText);
        return description is not null && departments is not null && jobTitles is not null && countries is not null
            ? new TargetPopulation(description, departments, jobTitles, countries)
            : null;
    }

    private LearningOutcome? ReadLearningOutcome(JsonElement value, string path)
    {
        var outcome = RequiredText(value, path, "outcome", DefinitionLimits.ItemTextLength);
        var measurePath = DefinitionPath.Property(path, "measure");
        var noMeasure = (outcome is null ? "This learning outcome" : $"Learning outcome '{Shown(outcome)}'")
            + " has no measure; an outcome without a measure is ambiguous. Say how it will be observed, e.g. 'Leads 4 reviews observed by the mentor'.";
        string? measure = null;
        if (!TryGetField(value, "measure", out var measureValue))
        {
            Report(measurePath, noMeasure);
        }
        else if (measureValue.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(measureValue.GetString()))
        {
            Report(measurePath, noMeasure);
        }
        else
        {
            measure = ReadText(measureValue, measurePath, DefinitionLimits.ItemTextLength);
        }

        return outcome is not null && measure is not null ? new LearningOutcome(outcome, measure) : null;
    }

    private Person? ReadPerson(JsonElement value, string path)
    {
        var name = RequiredText(value, path, "name", DefinitionLimits.PersonNameLength)?.Trim();
        var email = RequiredText(value, path, "email", DefinitionLimits.EmailLength)?.Trim();
        if (email is not null && !IsPlainEmailAddress(email))
        {
            Report(
                DefinitionPath.Property(path, "email"),
                $"'{Shown(email)}' is not a valid email address; write only the address, like jane.doe@example.com.");
            email = null;
        }

        return name is not null && email is not null ? new Person(name, email) : null;
    }

    private RoleDefinition[]? ReadRoles(JsonElement parent, string parentPath)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);

        // An empty list is reported below as all five roles missing, which says more than "at least one item".
        var roles = RequiredList(
            parent,
            parentPath,
            "roles",
            atLeastOne: false,
            maxItems: null,
            (item, itemPath) => ReadObject(item, itemPath, RoleFields, (role, rolePath) => ReadRole(role, rolePath, defined)));
        if (roles is null)
        {
            return null;
        }

        var missing = ProgramRoles.All.Where(role => !defined.Contains(role)).ToArray();
        if (missing.Length > 0)
        {
            var which = missing.Length == 1 ? $"The role {missing[0]} is not defined" : $"The roles {Join(missing, "and")} are not defined";
            Report(
                DefinitionPath.Property(parentPath, "roles"),
                $"{which}; every program defines {Join(ProgramRoles.All, "and")}, each with at least one responsibility.");
        }

        return roles;
    }

    private RoleDefinition? ReadRole(JsonElement value, string path, HashSet<string> defined)
    {
        var rolePath = DefinitionPath.Property(path, "role");
        var role = RequiredText(value, path, "role", DefinitionLimits.ShortTextLength);
        if (role is not null && !ProgramRoles.All.Contains(role, StringComparer.Ordinal))
        {
            var sameButCase = ProgramRoles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
            Report(
                rolePath,
                sameButCase is null
                    ? $"Unknown role '{Shown(role)}'; the roles are {Join(ProgramRoles.All, "and")}."
                    : $"Unknown role '{Shown(role)}'; role names are case-sensitive, did you mean '{sameButCase}'?");
            role = null;
        }
        else if (role is not null && !defined.Add(role))
        {
            Report(rolePath, $"Role '{role}' is defined more than once; list each role once with all its responsibilities.");
            role = null;
        }

        var responsibilities = RequiredList(value, path, "responsibilities", atLeastOne: true, DefinitionLimits.Responsibilities, ItemText);
        return role is not null && responsibilities is not null ? new RoleDefinition(role, responsibilities) : null;
    }

    private CriteriaDefinition? ReadCriteria(JsonElement value, string path)
    {
        var performanceWindow = TryGetField(value, "performanceWindow", out var windowValue)
            ? ReadDuration(windowValue, DefinitionPath.Property(path, "performanceWindow"))
            : DefaultPerformanceWindow;
        var mentee = RequiredObject(value, path, "mentee", MenteeFields, ReadMenteeCriteria);
        var mentor = RequiredObject(value, path, "mentor", MentorFields, ReadMentorCriteria);
        var nominationApprover = RequiredChoice(value, path, "nominationApprover", NominationApprovers.All);
        return performanceWindow is { } window && mentee is not null && mentor is not null && nominationApprover is not null
            ? new CriteriaDefinition(window, mentee, mentor, nominationApprover)
            : null;
    }

    private MenteeCriteria? ReadMenteeCriteria(JsonElement value, string path)
    {
        var eligibility = CheckRules(RequiredList(value, path, "eligibility", atLeastOne: true, DefinitionLimits.EligibilityRules, RuleText), path);
        var selection = CheckSelection(OptionalWeights(value, path, "selection", allowedKeys: null), path);
        var maxNominees = RequiredCount(value, path, "maxNominees");
        return eligibility is not null && selection is not null && maxNominees is { } count
            ? new MenteeCriteria(eligibility, selection, count)
            : null;
    }

    private MentorCriteria? ReadMentorCriteria(JsonElement value, string path)
    {
        var eligibility = CheckRules(RequiredList(value, path, "eligibility", atLeastOne: true, DefinitionLimits.EligibilityRules, RuleText), path);
        var selection = CheckSelection(OptionalWeights(value, path, "selection", allowedKeys: null), path);
        var capacity = RequiredCount(value, path, "capacity");
        return eligibility is not null && selection is not null && capacity is { } count
            ? new MentorCriteria(eligibility, selection, count)
            : null;
    }

    // Rules are compiled here, at submission, so a typo in a metric name never surfaces mid-program.
    private IReadOnlyList<string>? CheckRules(IReadOnlyList<string>? rules, string path)
    {
        if (rules is null)
        {
            return null;
        }

        var valid = true;
        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var problem in Criteria.EligibilityRule.Check(rules[i]))
            {
                Report(DefinitionPath.Index(DefinitionPath.Property(path, "eligibility"), i), problem);
                valid = false;
            }
        }

        return valid ? rules : null;
    }

    private IReadOnlyDictionary<string, double>? CheckSelection(IReadOnlyDictionary<string, double>? weights, string path)
    {
        if (weights is null)
        {
            return null;
        }

        var valid = true;
        foreach (var metric in weights.Keys.Where(k => !Criteria.Metrics.Numeric.Contains(k)))
        {
            Report(
                DefinitionPath.Property(DefinitionPath.Property(path, "selection"), metric),
                $"'{Shown(metric)}' cannot be weighted: selection weights name numeric metrics ({string.Join(", ", Criteria.Metrics.Numeric)}).");
            valid = false;
        }

        return valid ? weights : null;
    }

    private ApprovalPolicy? ReadApprovals(JsonElement value, string path)
    {
        var timeout = RequiredDuration(value, path, "timeout");
        var reminders = RequiredSteps(
            value,
            path,
            "reminders",
            DefinitionLimits.Reminders,
            timeout,
            "reminder",
            (reminder, end) => $"Reminder {reminder} must come before the approval timeout ({end}); a reminder at or after it would never be sent.");
        var onTimeout = RequiredChoice(value, path, "onTimeout", ApprovalTimeoutActions.All);
        return timeout is { } t && reminders is not null && onTimeout is not null ? new ApprovalPolicy(t, reminders, onTimeout) : null;
    }

    private SponsorshipDefinition? ReadSponsorship(JsonElement value, string path)
    {
        var leaders = RequiredList(value, path, "leaders", atLeastOne: false, DefinitionLimits.Leaders, (item, itemPath) => ReadObject(item, itemPath, PersonFields, ReadPerson));
        return leaders is not null ? new SponsorshipDefinition(leaders) : null;
    }

    private PilotDefinition? ReadPilot(JsonElement value, string path)
    {
        var pairs = RequiredCount(value, path, "pairs");
        var duration = RequiredDuration(value, path, "duration");
        var checkIns = RequiredSteps(
            value,
            path,
            "checkIns",
            DefinitionLimits.CheckIns,
            duration,
            "check-in",
            (checkIn, end) => $"Check-in {checkIn} must fall inside the pilot, which lasts {end}.");
        return pairs is { } p && duration is { } d && checkIns is not null ? new PilotDefinition(p, d, checkIns) : null;
    }

    private RolloutDefinition? ReadRollout(JsonElement value, string path)
    {
        var duration = RequiredDuration(value, path, "duration");
        var checkIns = RequiredSteps(
            value,
            path,
            "checkIns",
            DefinitionLimits.CheckIns,
            duration,
            "check-in",
            (checkIn, end) => $"Check-in {checkIn} must fall inside the rollout, which lasts {end}.");
        return duration is { } d && checkIns is not null ? new RolloutDefinition(d, checkIns) : null;
    }

    private StoriesDefinition? ReadStories(JsonElement value, string path) =>
        RequiredDuration(value, path, "requestAfter") is { } requestAfter ? new StoriesDefinition(requestAfter) : null;

    private T? RequiredObject<T>(
        JsonElement parent, string parentPath, string name, string[] fields, Func<JsonElement, string, T?> read)
        where T : class
    {
        if (!TryGetRequired(parent, parentPath, name, out var path, out var value))
        {
            return null;
        }

        return ReadObject(value, path, fields, read);
    }

    private T? ReadObject<T>(JsonElement value, string path, string[] fields, Func<JsonElement, string, T?> read)
        where T : class
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            ReportType(path, "an object");
            return null;
        }

        CheckObjectFields(value, path, fields);
        return read(value, path);
    }

    private void CheckObjectFields(JsonElement value, string path, string[] fields)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var propertyPath = DefinitionPath.Property(path, property.Name);
            if (!fields.Contains(property.Name, StringComparer.Ordinal))
            {
                var sameButCase = fields.FirstOrDefault(f => string.Equals(f, property.Name, StringComparison.OrdinalIgnoreCase));
                Report(
                    propertyPath,
                    sameButCase is null
                        ? $"Unknown field '{Shown(property.Name)}'."
                        : $"Unknown field '{Shown(property.Name)}'; field names are case-sensitive, did you mean '{sameButCase}'?");
            }
            else if (!seen.Add(property.Name))
            {
                Report(propertyPath, $"Field '{property.Name}' appears more than once; keep only one.");
            }
        }
    }

    private T[]? RequiredList<T>(
        JsonElement parent, string parentPath, string name, bool atLeastOne, int? maxItems, Func<JsonElement, string, T?> readItem)
        where T : class
    {
        var path = DefinitionPath.Property(parentPath, name);
        if (!TryGetArray(parent, name, path, out var value))
        {
            return null;
        }

        if (atLeastOne && value.GetArrayLength() == 0)
        {
            Report(path, $"'{name}' must list at least one item.");
            return null;
        }

        if (!WithinItemLimit(value, path, name, maxItems))
        {
            return null;
        }

        var items = new List<T>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (readItem(item, DefinitionPath.Index(path, index++)) is { } read)
            {
                items.Add(read);
            }
        }

        return [.. items];
    }

    /// <summary>
    /// A list of points in time measured from the start of something that lasts <paramref name="end"/>:
    /// each must be later than the one before it and strictly before the end.
    /// </summary>
    private IsoDuration[]? RequiredSteps(
        JsonElement parent,
        string parentPath,
        string name,
        int maxItems,
        IsoDuration? end,
        string step,
        Func<IsoDuration, IsoDuration, string> tooLate)
    {
        var path = DefinitionPath.Property(parentPath, name);
        if (!TryGetArray(parent, name, path, out var value) || !WithinItemLimit(value, path, name, maxItems))
        {
            return null;
        }

        // end was validated, so it has a date.
        DateTimeOffset? endsAt = end?.AddTo(Reference);
        (IsoDuration Duration, DateTimeOffset At)? previous = null;
        var steps = new List<IsoDuration>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = DefinitionPath.Index(path, index++);
            if (ReadDuration(item, itemPath) is not { } duration)
            {
                continue;
            }

            var at = duration.AddTo(Reference);
            if (previous is { } before && at <= before.At)
            {
                Report(
                    itemPath,
                    $"{char.ToUpperInvariant(step[0])}{step[1..]} {duration} must come after the {step} before it ({before.Duration}); list {step}s in ascending order.");
            }

            if (end is { } e && at >= endsAt)
            {
                Report(itemPath, tooLate(duration, e));
            }

            previous = (duration, at);
            steps.Add(duration);
        }

        return [.. steps];
    }

    private IReadOnlyDictionary<string, double>? OptionalWeights(
        JsonElement parent, string parentPath, string name, IReadOnlyList<string>? allowedKeys)
    {
        var path = DefinitionPath.Property(parentPath, name);
        if (!TryGetField(parent, name, out var value))
        {
            return NoWeights;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            ReportType(path, "an object");
            return null;
        }

        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var entryProblems = false;
        foreach (var property in value.EnumerateObject())
        {
            var key = property.Name;
            string? problem = null;
            if (string.IsNullOrWhiteSpace(key))
            {
                problem = $"Every weight in '{name}' needs a non-empty name.";
            }
            else if (allowedKeys is not null && !allowedKeys.Contains(key, StringComparer.Ordinal))
            {
                problem = $"Unknown matching factor '{Shown(key)}'; the factors are {Join(allowedKeys, "and")}.";
            }
            else if (weights.ContainsKey(key))
            {
                problem = $"Weight '{Shown(key)}' appears more than once; keep only one.";
            }
            else if (property.Value.ValueKind != JsonValueKind.Number)
            {
                problem = $"Weight '{Shown(key)}' must be a number.";
            }
            else if (!property.Value.TryGetDouble(out var weight) || !double.IsFinite(weight))
            {
                problem = $"Weight '{Shown(key)}' is out of range; use a number such as 0.5.";
            }
            else if (weight < 0)
            {
                problem = $"Weight '{Shown(key)}' is {Shown(property.Value.GetRawText())}; weights must be zero or more.";
            }
            else
            {
                weights.Add(key, weight);
            }

            if (problem is not null)
            {
                Report(DefinitionPath.Property(path, key), problem);
                entryProblems = true;
            }
        }

        if (entryProblems)
        {
            return null;
        }

        // All zero would rank every candidate equally while looking deliberate; say so rather than guess.
        if (weights.Count > 0 && weights.Values.All(w => w == 0))
        {
            Report(path, $"All weights in '{name}' are zero; give at least one a positive weight.");
            return null;
        }

        return new ReadOnlyDictionary<string, double>(weights);
    }

    private string? RequiredText(JsonElement parent, string parentPath, string name, int maxLength)
    {
        if (!TryGetRequired(parent, parentPath, name, out var path, out var value))
        {
            return null;
        }

        return ReadText(value, path, maxLength);
    }

    private string? ItemText(JsonElement value, string path) => ReadText(value, path, DefinitionLimits.ItemTextLength);

    private string? ShortText(JsonElement value, string path) => ReadText(value, path, DefinitionLimits.ShortTextLength);

    private string? RuleText(JsonElement value, string path) => ReadText(value, path, DefinitionLimits.RuleLength);

    private string? ReadText(JsonElement value, string path, int maxLength)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            ReportType(path, "a string");
            return null;
        }

        var text = value.GetString()!;
        var leaf = DefinitionPath.Leaf(path);
        if (string.IsNullOrWhiteSpace(text))
        {
            Report(path, $"'{leaf}' must not be empty.");
            return null;
        }

        if (text.Length > maxLength)
        {
            Report(path, $"'{leaf}' is {Count(text.Length)} characters long; at most {Count(maxLength)} are allowed.");
            return null;
        }

        // Tab and line breaks are text; other control characters are not, and would only make stored forms longer.
        var control = text.AsSpan().IndexOfAny(ControlCharacters);
        if (control >= 0)
        {
            Report(path, $"'{leaf}' holds the control character U+{(int)text[control]:X4} at position {Count(control + 1)}; remove it.");
            return null;
        }

        return text;
    }

    private string? RequiredChoice(JsonElement parent, string parentPath, string name, IReadOnlyList<string> allowed)
    {
        var text = RequiredText(parent, parentPath, name, DefinitionLimits.ShortTextLength);
        if (text is not null && !allowed.Contains(text, StringComparer.Ordinal))
        {
            Report(
                DefinitionPath.Property(parentPath, name),
                $"'{name}' must be {Join(allowed.Select(a => $"'{a}'").ToArray(), "or")}; '{Shown(text)}' is not allowed.");
            return null;
        }

        return text;
    }

    private int? RequiredCount(JsonElement parent, string parentPath, string name)
    {
        if (!TryGetRequired(parent, parentPath, name, out var path, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            ReportType(path, "a number");
            return null;
        }

        var raw = Shown(value.GetRawText());
        if (!value.TryGetDecimal(out var number) || number > int.MaxValue || number < int.MinValue)
        {
            Report(path, $"'{name}' must be a whole number from 1 to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}; {raw} is not.");
            return null;
        }

        if (number != decimal.Truncate(number))
        {
            Report(path, $"'{name}' must be a whole number; {raw} is not.");
            return null;
        }

        if (number < 1)
        {
            Report(path, $"'{name}' must be at least 1; {raw} is not.");
            return null;
        }

        return (int)number;
    }

    private IsoDuration? RequiredDuration(JsonElement parent, string parentPath, string name)
    {
        if (!TryGetRequired(parent, parentPath, name, out var path, out var value))
        {
            return null;
        }

        return ReadDuration(value, path);
    }

    private IsoDuration? ReadDuration(JsonElement value, string path)
    {
        var leaf = DefinitionPath.Leaf(path);
        if (value.ValueKind != JsonValueKind.String)
        {
            Report(path, $"'{leaf}' must be a string holding {DurationExample}.");
            return null;
        }

        var text = value.GetString()!;
        if (text.Length > DefinitionLimits.DurationLength || !IsoDuration.TryParse(text, out var duration))
        {
            Report(path, $"'{leaf}' must be {DurationExample}; '{Shown(text)}' is not one.");
            return null;
        }

        if (duration.IsZero || duration.IsNegative)
        {
            Report(path, $"'{leaf}' must be longer than zero; '{text}' is not.");
            return null;
        }

        if (!duration.TryAddTo(Reference, out _))
        {
            Report(path, $"'{leaf}' is too long; '{text}' runs past the end of the calendar.");
            return null;
        }

        return duration;
    }

    private bool TryGetArray(JsonElement parent, string name, string path, out JsonElement value)
    {
        if (!TryGetField(parent, name, out value))
        {
            ReportRequired(path);
            return false;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            ReportType(path, "an array");
            return false;
        }

        return true;
    }

    /// <summary>A required field and its path; false (and reported) when it is missing.</summary>
    private bool TryGetRequired(JsonElement parent, string parentPath, string name, out string path, out JsonElement value)
    {
        path = DefinitionPath.Property(parentPath, name);
        if (TryGetField(parent, name, out value))
        {
            return true;
        }

        ReportRequired(path);
        return false;
    }

    // A JSON null says no more than a missing field does, so both read as "not given".
    private static bool TryGetField(JsonElement parent, string name, out JsonElement value) =>
        parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static bool IsPlainEmailAddress(string text) =>
        MailAddress.TryCreate(text, out var address)
        && address.DisplayName.Length == 0
        && string.Equals(address.Address, text, StringComparison.Ordinal)
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.StartsWith('.')
        && !address.Host.EndsWith('.');

    private static string Join(IReadOnlyList<string> items, string conjunction) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + $" {conjunction} " + items[^1],
    };

    private bool WithinItemLimit(JsonElement array, string path, string name, int? maxItems)
    {
        var count = array.GetArrayLength();
        if (maxItems is { } max && count > max)
        {
            Report(path, $"'{name}' lists {Count(count)} items; at most {Count(max)} are allowed.");
            return false;
        }

        return true;
    }

    /// <summary>
    /// Reports every string and field name that holds no text: a JSON escape of half a UTF-16 surrogate pair
    /// (<c>"\ud800"</c>) is valid JSON but no string, and reading it throws. True when there was none.
    /// </summary>
    private bool AllTextReadable(JsonElement value, string path)
    {
        var readable = true;
        switch (value.ValueKind)
        {
            case JsonValueKind.String when !TryRead(value.GetString):
                Report(path, $"'{DefinitionPath.Leaf(path)}' is not valid text: it holds half of a UTF-16 surrogate pair (an escape such as \\ud800 without its partner); remove it.");
                return false;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    string? name = null;
                    if (!TryRead(() => name = property.Name))
                    {
                        Report(path, "A field name here is not valid text: it holds half of a UTF-16 surrogate pair (an escape such as \\ud800 without its partner); remove it.");
                        readable = false;
                        continue;
                    }

                    readable &= AllTextReadable(property.Value, DefinitionPath.Property(path, name!));
                }

                return readable;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    readable &= AllTextReadable(item, DefinitionPath.Index(path, index++));
                }

                return readable;
            default:
                return true;
        }
    }

    private static bool TryRead(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Text echoed in a message, cut short so a huge value does not make a huge answer.</summary>
    private static string Shown(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private void ReportRequired(string path) => Report(path, $"'{DefinitionPath.Leaf(path)}' is required.");

    private void ReportType(string path, string type) => Report(path, $"'{DefinitionPath.Leaf(path)}' must be {type}.");

    private void Report(string path, string message)
    {
        if (problems.Count < MaxProblems)
        {
            problems.Add(new DefinitionProblem(path, message));
        }
        else
        {
            unreported++;
        }
    }
}
