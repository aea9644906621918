using System.Globalization;
using MentorFlow.Workflows.Criteria;

namespace MentorFlow.Benchmarks.Sources;

/// <summary>
/// Every row of the benchmark's CRM report files, unfiltered: what the CRM fakes hold. (The file source itself keeps
/// only the window's rows; the fakes serve everything, the worst case for paging.)
/// </summary>
internal sealed class CrmRows
{
    private CrmRows(List<Opportunity> opportunities, List<QuotaPeriod> quotas)
    {
        Opportunities = opportunities;
        Quotas = quotas;
    }

    public IReadOnlyList<Opportunity> Opportunities { get; }

    public IReadOnlyList<QuotaPeriod> Quotas { get; }

    public static CrmRows Read(BenchmarkData data)
    {
        // One string per seller, not per row: the rows repeat a few tens of thousands of addresses.
        var emails = new Dictionary<string, string>(StringComparer.Ordinal);
        string Email(string text) => emails.TryGetValue(text, out var known) ? known : emails[text] = text;

        var opportunities = new List<Opportunity>();
        foreach (var line in File.ReadLines(data.OpportunitiesFile).Skip(1))
        {
            var f = line.Split(',');
            opportunities.Add(new Opportunity(Email(f[0]), Enum.Parse<OpportunityStatus>(f[1]), decimal.Parse(f[2], CultureInfo.InvariantCulture), Date(f[3])));
        }

        var quotas = new List<QuotaPeriod>();
        foreach (var line in File.ReadLines(data.QuotasFile).Skip(1))
        {
            var f = line.Split(',');
            quotas.Add(new QuotaPeriod(Email(f[0]), Date(f[1]), Date(f[2]), decimal.Parse(f[3], CultureInfo.InvariantCulture)));
        }

        return new CrmRows(opportunities, quotas);
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
