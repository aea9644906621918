using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Crm;

/// <summary>
/// Sales performance from Dynamics 365 Sales through the Dataverse Web API (OData v4). Opportunities come with their
/// owning user's email (<c>$expand=owninguser($select=internalemailaddress)</c>): <c>statecode</c> 0 open, 1 won,
/// 2 lost; a won deal's amount is its actual value, others their estimated value (base currency when Dataverse has it);
/// the close date is the actual close date, else the estimated one. Quotas are money Goals: the goal owner's email,
/// <c>targetmoney</c>, <c>goalstartdate</c>–<c>goalenddate</c>. Pages of <c>Prefer: odata.maxpagesize</c> records
/// follow <c>@odata.nextLink</c>; retries (429 with Retry-After, 5xx) are the typed client's resilience handler's.
/// A page that is not the documented shape fails with a <see cref="CrmDataException"/> naming its URL.
/// </summary>
/// <remarks>
/// Date filters use Dataverse's <c>OnOrAfter</c>/<c>OnOrBefore</c> query functions one day wider than the window on
/// each side, so a date column kept in a user's local time never loses a record at the edges: the source may return
/// more than asked, never less. Team-owned records have no owning user and are counted in the log, not attributed.
/// </remarks>
public sealed partial class DataversePerformanceSource : IPerformanceSource
{
    internal const string Service = "Dataverse";
    private const string OpportunityColumns = "opportunityid,statecode,estimatedvalue,estimatedvalue_base,actualvalue,actualvalue_base,estimatedclosedate,actualclosedate";
    private const string GoalColumns = "goalid,targetmoney,targetmoney_base,goalstartdate,goalenddate";

    private readonly HttpClient httpClient;
    private readonly DataverseOptions options;
    private readonly ILogger logger;

    public DataversePerformanceSource(HttpClient httpClient, IOptions<CrmOptions> options, ILogger<DataversePerformanceSource> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        this.httpClient = httpClient;
        this.options = options.Value.Dataverse;
        this.logger = logger;
    }

    /// <summary>The Web API root, <c>{Url}/api/data/{ApiVersion}/</c>.</summary>
    internal static Uri ApiRoot(DataverseOptions options) =>
        new($"{options.Url!.GetLeftPart(UriPartial.Authority)}/api/data/{options.ApiVersion}/");

    /// <inheritdoc />
    public async Task<IReadOnlyList<Opportunity>> GetOpportunitiesAsync(PerformanceWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var (from, to) = Widened(window);
        var filter =
            $"statecode eq 0 or ({OnOrAfter("actualclosedate", from)} and {OnOrBefore("actualclosedate", to)})"
            + $" or (actualclosedate eq null and {OnOrAfter("estimatedclosedate", from)} and {OnOrBefore("estimatedclosedate", to)})";
        var url = Query("opportunities", OpportunityColumns, "owninguser($select=internalemailaddress)", filter);

        var problems = new CrmProblemList("Dataverse opportunities query", CrmHttp.Describe(url));
        var opportunities = new List<Opportunity>();
        var withoutOwner = 0;
        var pages = await ReadPagesAsync(url, DataverseJsonContext.Default.DataversePageDataverseOpportunity, record =>
        {
            var email = record.OwningUser?.InternalEmailAddress;
            if (ToOpportunity(record, email ?? "", problems) is not { } opportunity)
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(email))
            {
                withoutOwner++;
                return;
            }

            opportunities.Add(opportunity);
        }, cancellationToken);

        problems.ThrowIfAny("record");
        LogLoaded(logger, opportunities.Count, "opportunities", pages, withoutOwner);
        return opportunities;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QuotaPeriod>> GetQuotasAsync(PerformanceWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var (from, to) = Widened(window);
        var filter = $"targetmoney ne null and {OnOrBefore("goalstartdate", to)} and {OnOrAfter("goalenddate", from)}";
        var url = Query("goals", GoalColumns, "goalownerid_systemuser($select=internalemailaddress)", filter);

        var problems = new CrmProblemList("Dataverse goals query", CrmHttp.Describe(url));
        var quotas = new List<QuotaPeriod>();
        var withoutOwner = 0;
        var pages = await ReadPagesAsync(url, DataverseJsonContext.Default.DataversePageDataverseGoal, goal =>
        {
            var start = ReadDate(goal.StartDate);
            var end = ReadDate(goal.EndDate);
            if (start is null || end is null || end < start)
            {
                problems.Add($"goal {goal.Id ?? "(no id)"}: period '{goal.StartDate}' to '{goal.EndDate}' is not two dates in order");
                return;
            }

            var email = goal.GoalOwner?.InternalEmailAddress;
            if (string.IsNullOrWhiteSpace(email))
            {
                withoutOwner++;
                return;
            }

            quotas.Add(new QuotaPeriod(email, start.Value, end.Value, goal.TargetMoneyBase ?? goal.TargetMoney ?? 0m));
        }, cancellationToken);

        problems.ThrowIfAny("record");
        LogLoaded(logger, quotas.Count, "goals", pages, withoutOwner);
        return quotas;
    }

    private static Opportunity? ToOpportunity(DataverseOpportunity record, string ownerEmail, CrmProblemList problems)
    {
        var id = record.Id ?? "(no id)";
        OpportunityStatus status;
        switch (record.StateCode)
        {
            case 0:
                status = OpportunityStatus.Open;
                break;
            case 1:
                status = OpportunityStatus.Won;
                break;
            case 2:
                status = OpportunityStatus.Lost;
                break;
            default:
                problems.Add($"opportunity {id}: statecode {record.StateCode?.ToString(CultureInfo.InvariantCulture) ?? "null"} is not 0 (open), 1 (won) or 2 (lost)");
                return null;
        }

        var amount = status == OpportunityStatus.Won
            ? record.ActualValueBase ?? record.ActualValue ?? record.EstimatedValueBase ?? record.EstimatedValue ?? 0m
            : record.EstimatedValueBase ?? record.EstimatedValue ?? 0m;

        DateOnly closeDate;
        if (status == OpportunityStatus.Open)
        {
            // An open deal counts in the pipeline whatever its expected close date, so none at all is no problem.
            closeDate = ReadDate(record.EstimatedCloseDate) ?? DateOnly.MaxValue;
        }
        else if ((ReadDate(record.ActualCloseDate) ?? ReadDate(record.EstimatedCloseDate)) is { } closed)
        {
            closeDate = closed;
        }
        else
        {
            problems.Add($"opportunity {id}: closed as {status} but has no actualclosedate or estimatedclosedate to place it in time");
            return null;
        }

        return new Opportunity(ownerEmail, status, amount, closeDate);
    }

    /// <summary>
    /// A Date Only column comes as <c>2026-03-15</c>; a date-and-time one as <c>2026-03-15T05:00:00Z</c>, whose UTC date is taken.
    /// </summary>
    private static DateOnly? ReadDate(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? DateOnly.FromDateTime(moment.UtcDateTime)
            : null;
    }

    private async Task<int> ReadPagesAsync<T>(Uri first, JsonTypeInfo<DataversePage<T>> typeInfo, Action<T> each, CancellationToken cancellationToken)
    {
        var pages = 0;
        for (Uri? url = first; url is not null; pages++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Prefer", $"odata.maxpagesize={options.PageSize}");
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw await CrmHttp.FailureAsync(Service, response, "GET", url, cancellationToken);
            }

            CrmHttp.EnsureJson(Service, response, url);
            DataversePage<T>? page;
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                page = await JsonSerializer.DeserializeAsync(body, typeInfo, cancellationToken);
            }
            catch (JsonException e)
            {
                throw CrmHttp.Malformed(Service, url, $"is not an OData collection of the expected records: {e.Message}", e);
            }

            if (page?.Value is null)
            {
                throw CrmHttp.Malformed(Service, url, "has no \"value\" array of records");
            }

            foreach (var record in page.Value)
            {
                if (record is null)
                {
                    throw CrmHttp.Malformed(Service, url, "has a null record in its \"value\" array");
                }

                each(record);
            }

            url = NextLink(page.NextLink, url);
        }

        return pages;
    }

    /// <summary>The next page, which must be on the same host: the bearer token is sent with it.</summary>
    private Uri? NextLink(string? nextLink, Uri current)
    {
        if (nextLink is null)
        {
            return null;
        }

        var root = httpClient.BaseAddress ?? current;
        if (!Uri.TryCreate(nextLink, UriKind.Absolute, out var next)
            || Uri.Compare(next, root, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw CrmHttp.Malformed(Service, current, $"has an @odata.nextLink '{nextLink}' that is not an absolute URL on {root.GetLeftPart(UriPartial.Authority)}");
        }

        return next;
    }

    private Uri Query(string entitySet, string select, string expand, string filter) =>
        new(httpClient.BaseAddress ?? ApiRoot(options),
            $"{entitySet}?$select={select}&$expand={Uri.EscapeDataString(expand)}&$filter={Uri.EscapeDataString(filter)}");

    private static (DateOnly From, DateOnly To) Widened(PerformanceWindow window) => (window.Start.AddDays(-1), window.End);

    private static string OnOrAfter(string column, DateOnly date) =>
        $"Microsoft.Dynamics.CRM.OnOrAfter(PropertyName='{column}',PropertyValue='{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}')";

    private static string OnOrBefore(string column, DateOnly date) =>
        $"Microsoft.Dynamics.CRM.OnOrBefore(PropertyName='{column}',PropertyValue='{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}')";

    [LoggerMessage(Level = LogLevel.Information, Message = "Read {Count} {What} from Dataverse in {Pages} pages; {WithoutOwner} had no owning user (team-owned) and count for nobody")]
    private static partial void LogLoaded(ILogger logger, int count, string what, int pages, int withoutOwner);
}
