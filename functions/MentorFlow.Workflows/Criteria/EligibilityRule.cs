using NCalc;

namespace MentorFlow.Workflows.Criteria;

/// <summary>
/// One eligibility rule — a small boolean formula over <see cref="Metrics"/> names such as
/// <c>tenureMonths >= 12 and winRate > 0.3</c> or <c>country in ('US','CA')</c> — parsed once and evaluated per
/// person with NCalc. Text compares ignoring case. A rule that uses a metric the person lacks is false, and says why.
/// </summary>
public sealed class EligibilityRule
{
    // NCalc's own functions a rule may call; anything else is a typo or an unknown function.
    private static readonly HashSet<string> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        "Abs", "Ceiling", "Floor", "Max", "Min", "Pow", "Round", "Sign", "Sqrt", "Truncate", "if", "in",
    };

    private const ExpressionOptions Options = ExpressionOptions.CaseInsensitiveStringComparer | ExpressionOptions.NoCache;

    private readonly Expression expression;

    private EligibilityRule(string text, Expression expression, IReadOnlyList<string> metrics)
    {
        Text = text;
        this.expression = expression;
        UsedMetrics = metrics;
    }

    /// <summary>The rule as HR wrote it.</summary>
    public string Text { get; }

    /// <summary>The metrics the rule reads.</summary>
    public IReadOnlyList<string> UsedMetrics { get; }

    /// <summary>Why a rule cannot be used (each a sentence); empty when it is a valid boolean formula over known metrics.</summary>
    public static IReadOnlyList<string> Check(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<string>();
        var expression = new Expression(text, Options);
        if (expression.HasErrors())
        {
            return [$"'{text}' is not a valid rule: {expression.Error?.Message} Write for example 'tenureMonths >= 12 and winRate > 0.3'."];
        }

        foreach (var name in expression.GetParameterNames().Distinct(StringComparer.Ordinal))
        {
            if (!Metrics.All.ContainsKey(name))
            {
                var hint = Metrics.All.Keys.FirstOrDefault(m => m.Equals(name, StringComparison.OrdinalIgnoreCase));
                problems.Add(hint is null
                    ? $"'{name}' is not a metric. Known metrics: {string.Join(", ", Metrics.All.Keys)}."
                    : $"'{name}' is not a metric; did you mean '{hint}'?");
            }
        }

        foreach (var function in expression.GetFunctionNames().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!Functions.Contains(function))
            {
                problems.Add($"'{function}' is not a function a rule may use ({string.Join(", ", Functions.Order(StringComparer.Ordinal))}).");
            }
        }

        if (problems.Count == 0)
        {
            // Evaluate once with typical values: a rule must yield true or false, and its operands must fit their types.
            foreach (var name in expression.GetParameterNames())
            {
                expression.Parameters[name] = Metrics.All[name] switch
                {
                    MetricKind.Number => 1.0,
                    MetricKind.Boolean => true,
                    _ => "text",
                };
            }

            try
            {
                if (expression.Evaluate() is not bool)
                {
                    problems.Add($"'{text}' does not give true or false; compare a metric, e.g. 'quotaAttainment >= 1.0'.");
                }
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or InvalidCastException
                || e.GetType().Namespace == "NCalc.Exceptions")
            {
                problems.Add($"'{text}' cannot be evaluated: {e.Message}");
            }
        }

        return problems;
    }

    /// <summary>Parses a rule that <see cref="Check"/> accepted.</summary>
    public static EligibilityRule Compile(string text)
    {
        var problems = Check(text);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(text));
        }

        var expression = new Expression(text, Options);
        return new EligibilityRule(text, expression, [.. expression.GetParameterNames().Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Evaluates the rule for one person; not thread-safe (one compiled rule serves one evaluation loop).</summary>
    public RuleResult Evaluate(PersonMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var missing = UsedMetrics.Where(m => metrics.Get(m) is null).ToList();
        var values = string.Join(", ", UsedMetrics.Select(m => $"{m} = {PersonMetrics.Format(metrics.Get(m))}"));
        if (missing.Count > 0)
        {
            return new RuleResult(Text, false, $"{values}: {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing, so the rule is false");
        }

        foreach (var name in UsedMetrics)
        {
            expression.Parameters[name] = metrics.Get(name);
        }

        var passed = expression.Evaluate() is true;
        return new RuleResult(Text, passed, values);
    }
}
