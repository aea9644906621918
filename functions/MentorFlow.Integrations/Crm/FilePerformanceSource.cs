using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Crm;

/// <summary>
/// Sales performance from a CRM report export: <c>MentorFlow:Crm:OpportunitiesFile</c> (header
/// <c>OwnerEmail,Status,Amount,CloseDate</c>; Status <c>Won</c>, <c>Lost</c> or <c>Open</c>; CloseDate
/// <c>yyyy-MM-dd</c>; Amount an invariant decimal such as <c>12500.50</c>) and <c>MentorFlow:Crm:QuotasFile</c>
/// (header <c>OwnerEmail,PeriodStart,PeriodEnd,Quota</c>). Every row that does not parse is collected and the load
/// fails with one <see cref="CrmDataException"/> naming each line and why — a row is never skipped silently. Blank
/// lines are not rows. The files are streamed and read again on each call, so a new export is picked up.
/// </summary>
public sealed partial class FilePerformanceSource(IOptions<CrmOptions> options, ILogger<FilePerformanceSource> logger) : IPerformanceSource
{
    internal const string OpportunitiesHeader = "OwnerEmail,Status,Amount,CloseDate";
    internal const string QuotasHeader = "OwnerEmail,PeriodStart,PeriodEnd,Quota";
    private const string DateFormat = "yyyy-MM-dd";
    private const NumberStyles AmountStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
    private static readonly SearchValues<char> NotInEmail = SearchValues.Create(" \t\r\n,;<>\"");

    /// <inheritdoc />
    /// <remarks>Won and lost opportunities closing in the window, and every open one.</remarks>
    public async Task<IReadOnlyList<Opportunity>> GetOpportunitiesAsync(PerformanceWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var path = Required(options.Value.OpportunitiesFile, nameof(CrmOptions.OpportunitiesFile));
        var problems = new CrmProblemList("Opportunities file", path);
        var emails = new EmailPool();
        var opportunities = new List<Opportunity>();
        long rows = 0;

        await using (var csv = await CsvExportReader.OpenAsync(path, "Opportunities file", OpportunitiesHeader, problems, cancellationToken))
        {
            while (await csv.ReadAsync(cancellationToken))
            {
                rows++;
                if (ReadOpportunity(csv, window, emails, problems) is { } opportunity)
                {
                    opportunities.Add(opportunity);
                }
            }
        }

        problems.ThrowIfAny("row");
        LogLoaded(logger, "opportunities", rows, opportunities.Count, window.Start, window.End);
        return opportunities;
    }

    /// <inheritdoc />
    /// <remarks>Quota periods that overlap the window (both period dates inclusive).</remarks>
    public async Task<IReadOnlyList<QuotaPeriod>> GetQuotasAsync(PerformanceWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var path = Required(options.Value.QuotasFile, nameof(CrmOptions.QuotasFile));
        var problems = new CrmProblemList("Quotas file", path);
        var emails = new EmailPool();
        var quotas = new List<QuotaPeriod>();
        long rows = 0;

        await using (var csv = await CsvExportReader.OpenAsync(path, "Quotas file", QuotasHeader, problems, cancellationToken))
        {
            while (await csv.ReadAsync(cancellationToken))
            {
                rows++;
                if (ReadQuota(csv, emails, problems) is { } quota && quota.PeriodStart < window.End && quota.PeriodEnd >= window.Start)
                {
                    quotas.Add(quota);
                }
            }
        }

        problems.ThrowIfAny("row");
        LogLoaded(logger, "quota periods", rows, quotas.Count, window.Start, window.End);
        return quotas;
    }

    /// <summary>The row's opportunity when it counts in the window; null when it does not, or does not parse (then reported).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Opportunity? ReadOpportunity(CsvExportReader csv, PerformanceWindow window, EmailPool emails, CrmProblemList problems)
    {
        string? error = null;
        var email = ReadEmail(csv.Field(0), emails, ref error);

        var statusText = csv.Field(1);
        OpportunityStatus status = default;
        if (statusText.Equals("Won", StringComparison.OrdinalIgnoreCase))
        {
            status = OpportunityStatus.Won;
        }
        else if (statusText.Equals("Lost", StringComparison.OrdinalIgnoreCase))
        {
            status = OpportunityStatus.Lost;
        }
        else if (statusText.Equals("Open", StringComparison.OrdinalIgnoreCase))
        {
            status = OpportunityStatus.Open;
        }
        else
        {
            Append(ref error, $"Status {Show(statusText)} is not Won, Lost or Open");
        }

        var amount = ReadAmount(csv.Field(2), "Amount", ref error);
        var closeDate = ReadDate(csv.Field(3), "CloseDate", ref error);

        if (error is not null)
        {
            problems.Add($"line {csv.Line}: {error}");
            return null;
        }

        // Every row is checked, but only those that count become records.
        var counts = status == OpportunityStatus.Open || (closeDate >= window.Start && closeDate < window.End);
        return counts ? new Opportunity(email!, status, amount, closeDate) : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static QuotaPeriod? ReadQuota(CsvExportReader csv, EmailPool emails, CrmProblemList problems)
    {
        string? error = null;
        var email = ReadEmail(csv.Field(0), emails, ref error);
        var start = ReadDate(csv.Field(1), "PeriodStart", ref error);
        var end = ReadDate(csv.Field(2), "PeriodEnd", ref error);
        var quota = ReadAmount(csv.Field(3), "Quota", ref error);
        if (start != default && end != default && end < start)
        {
            Append(ref error, $"PeriodEnd {end.ToString(DateFormat, CultureInfo.InvariantCulture)} is before PeriodStart {start.ToString(DateFormat, CultureInfo.InvariantCulture)}");
        }

        if (error is not null)
        {
            problems.Add($"line {csv.Line}: {error}");
            return null;
        }

        return new QuotaPeriod(email!, start, end, quota);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? ReadEmail(ReadOnlySpan<char> text, EmailPool emails, ref string? error)
    {
        var at = text.IndexOf('@');
        if (at > 0 && at < text.Length - 1 && text.LastIndexOf('@') == at && !text.ContainsAny(NotInEmail))
        {
            return emails.Get(text);
        }

        Append(ref error, text.IsEmpty ? "OwnerEmail is empty" : $"OwnerEmail {Show(text)} is not an email address");
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static decimal ReadAmount(ReadOnlySpan<char> text, string column, ref string? error)
    {
        if (!decimal.TryParse(text, AmountStyle, CultureInfo.InvariantCulture, out var amount))
        {
            Append(ref error, text.IsEmpty
                ? $"{column} is empty"
                : $"{column} {Show(text)} is not a number (digits with '.' for decimals, no thousands separators or currency)");
            return 0;
        }

        if (amount < 0)
        {
            Append(ref error, $"{column} {Show(text)} is negative");
        }

        return amount;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DateOnly ReadDate(ReadOnlySpan<char> text, string column, ref string? error)
    {
        if (TryParseIsoDate(text, out var date))
        {
            return date;
        }

        Append(ref error, text.IsEmpty ? $"{column} is empty" : $"{column} {Show(text)} is not a date as yyyy-MM-dd");
        return default;
    }

    /// <summary>yyyy-MM-dd exactly, by hand: a third of the cost of <c>DateOnly.TryParseExact</c>, on two dates a row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryParseIsoDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        var year = Digits(text[..4]);
        var month = Digits(text.Slice(5, 2));
        var day = Digits(text.Slice(8, 2));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;

        static int Digits(ReadOnlySpan<char> digits)
        {
            var value = 0;
            foreach (var c in digits)
            {
                var digit = (uint)(c - '0');
                if (digit > 9)
                {
                    return -1;
                }

                value = (value * 10) + (int)digit;
            }

            return value;
        }
    }

    private static void Append(ref string? error, string problem) => error = error is null ? problem : $"{error}; {problem}";

    private static string Show(ReadOnlySpan<char> text) => text.Length <= 60 ? $"'{text}'" : $"'{text[..60]}…'";

    private static string Required(string? path, string setting) =>
        string.IsNullOrWhiteSpace(path)
            ? throw new InvalidOperationException($"Set {CrmOptions.Section}:{setting} to read performance from files.")
            : path;

    [LoggerMessage(Level = LogLevel.Information, Message = "Read {Rows} {What} rows from the CRM export; {Kept} fall in the window {Start} to {End}")]
    private static partial void LogLoaded(ILogger logger, string what, long rows, int kept, DateOnly start, DateOnly end);

    /// <summary>One string per distinct owner email, so 500,000 rows of 50,000 sellers hold 50,000 strings.</summary>
    private sealed class EmailPool
    {
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup =
            new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        // Reports are often sorted by owner: the previous row's owner is the cheapest look-up.
        private string previous = "";

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public string Get(ReadOnlySpan<char> email)
        {
            if (email.SequenceEqual(previous))
            {
                return previous;
            }

            if (!lookup.TryGetValue(email, out var pooled))
            {
                pooled = email.ToString();
                lookup.Dictionary.Add(pooled, pooled);
            }

            previous = pooled;
            return pooled;
        }
    }
}
