using System.Text;

namespace MentorFlow.Integrations.Crm;

/// <summary>
/// Collects every problem of one source (a file or a query) so they are reported together, not one per run; keeps the
/// first <see cref="MaxListed"/> and counts the rest.
/// </summary>
internal sealed class CrmProblemList(string subject, string location)
{
    /// <summary>How many problems a report lists; the rest are counted ("and 12 more").</summary>
    public const int MaxListed = 50;

    private readonly List<string> listed = [];

    /// <summary>How many problems were added.</summary>
    public int Count { get; private set; }

    /// <summary>Records one problem, e.g. <c>line 7: Amount 'abc' is not a number</c>.</summary>
    public void Add(string problem)
    {
        Count++;
        if (listed.Count < MaxListed)
        {
            listed.Add(problem);
        }
    }

    /// <summary>Throws one <see cref="CrmDataException"/> listing the problems, when there are any.</summary>
    public void ThrowIfAny(string what)
    {
        if (Count == 0)
        {
            return;
        }

        var message = new StringBuilder()
            .Append(subject).Append(" '").Append(location).Append("' has ")
            .Append(Count).Append(' ').Append(what).Append(Count == 1 ? " that does" : "s that do").Append(" not parse:");
        foreach (var problem in listed)
        {
            message.AppendLine().Append("  ").Append(problem);
        }

        if (Count > listed.Count)
        {
            message.AppendLine().Append("  … and ").Append(Count - listed.Count).Append(" more");
        }

        throw new CrmDataException(message.ToString()) { Location = location, Problems = [.. listed], ProblemCount = Count };
    }
}
