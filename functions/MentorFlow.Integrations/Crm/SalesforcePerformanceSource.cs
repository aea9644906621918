using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Crm;

/// <summary>
/// Sales performance from Salesforce's REST API: SOQL queries read in pages through <c>nextRecordsUrl</c>, with a token
/// from the client credentials flow. Opportunities: <c>Owner.Email, Amount, CloseDate, IsWon, IsClosed</c> (open when
/// not closed; a missing amount is 0). Quotas: <c>ForecastingQuota</c> by default — owner <c>QuotaOwner.Email</c>,
/// <c>QuotaAmount</c>, a period from <c>StartDate</c> lasting <c>Quota:PeriodMonths</c> — or the object and fields
/// configured in <c>MentorFlow:Crm:Salesforce:Quota</c>. Retries (429 with Retry-After, 5xx) are the typed client's
/// resilience handler's; a 401 renews the token once. A page that is not the documented shape fails with a
/// <see cref="CrmDataException"/> naming its URL.
/// </summary>
public sealed partial class SalesforcePerformanceSource : IPerformanceSource
{
    internal const string Service = "Salesforce";

    private readonly HttpClient httpClient;
    private readonly SalesforceSession session;
    private readonly SalesforceOptions options;
    private readonly ILogger logger;

    internal SalesforcePerformanceSource(HttpClient httpClient, SalesforceSession session, IOptions<CrmOptions> options, ILogger<SalesforcePerformanceSource> logger)
    {
        this.httpClient = httpClient;
        this.session = session;
        this.options = options.Value.Salesforce;
        this.logger = logger;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Opportunity>> GetOpportunitiesAsync(PerformanceWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var soql = "SELECT Owner.Email, Amount, CloseDate, IsWon, IsClosed FROM Opportunity"
            + $" WHERE IsClosed = false OR (CloseDate >= {Soql(window.Start)} AND CloseDate < {Soql(window.End)})";

        var opportunities = new List<Opportunity>();
        var withoutOwner = 0;
        var pages = await QueryAsync("Opportunity", soql, (record, problem) =>
        {
            var closed = Field(record, "IsClosed");
            var won = Field(record, "IsWon");
            if (closed?.ValueKind is not (JsonValueKind.True or JsonValueKind.False) || won?.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                problem("IsClosed and IsWon must be true or false");
                return;
            }

            var status = closed.Value.GetBoolean() ? (won.Value.GetBoolean() ? OpportunityStatus.Won : OpportunityStatus.Lost) : OpportunityStatus.Open;
            if (ReadDate(record, "CloseDate") is not { } closeDate)
            {
                problem("CloseDate is not a date");
                return;
            }

            if (!TryReadAmount(record, "Amount", out var amount))
            {
                problem("Amount is not a number");
                return;
            }

            if (Text(record, "Owner.Email") is not { } email)
            {
                withoutOwner++;
                return;
            }

            opportunities.Add(new Opportunity(email, status, amount ?? 0m, closeDate));
        }, cancellationToken);

        LogLoaded(logger, opportunities.Count, "opportunities", pages, withoutOwner);
        return opportunities;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QuotaPeriod>> GetQuotasAsync(PerformanceWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var quota = options.Quota;
        var last = window.End.AddDays(-1);
        var fields = quota.EndDateField is null
            ? $"{quota.OwnerEmailField}, {quota.AmountField}, {quota.StartDateField}"
            : $"{quota.OwnerEmailField}, {quota.AmountField}, {quota.StartDateField}, {quota.EndDateField}";

        // Without an end date, a period starting up to PeriodMonths before the window may still reach into it.
        var overlaps = quota.EndDateField is null
            ? $"{quota.StartDateField} >= {Soql(window.Start.AddMonths(-quota.PeriodMonths))}"
            : $"{quota.EndDateField} >= {Soql(window.Start)}";
        var soql = $"SELECT {fields} FROM {quota.Object} WHERE {quota.AmountField} != null"
            + $" AND {quota.StartDateField} <= {Soql(last)} AND {overlaps}"
            + (string.IsNullOrWhiteSpace(quota.Filter) ? "" : $" AND ({quota.Filter})");

        var quotas = new List<QuotaPeriod>();
        var withoutOwner = 0;
        var pages = await QueryAsync(quota.Object, soql, (record, problem) =>
        {
            if (ReadDate(record, quota.StartDateField) is not { } start)
            {
                problem($"{quota.StartDateField} is not a date");
                return;
            }

            var end = quota.EndDateField is null ? start.AddMonths(quota.PeriodMonths).AddDays(-1) : ReadDate(record, quota.EndDateField);
            if (end is null || end < start)
            {
                problem($"{quota.EndDateField} is not a date on or after {quota.StartDateField}");
                return;
            }

            if (!TryReadAmount(record, quota.AmountField, out var amount))
            {
                problem($"{quota.AmountField} is not a number");
                return;
            }

            if (Text(record, quota.OwnerEmailField) is not { } email)
            {
                withoutOwner++;
                return;
            }

            quotas.Add(new QuotaPeriod(email, start, end.Value, amount ?? 0m));
        }, cancellationToken);

        LogLoaded(logger, quotas.Count, $"{quota.Object} records", pages, withoutOwner);
        return quotas;
    }

    /// <summary>Runs a SOQL query through every page, handing each record to <paramref name="each"/>; returns the page count.</summary>
    private async Task<int> QueryAsync(string objectName, string soql, Action<JsonElement, Action<string>> each, CancellationToken cancellationToken)
    {
        var token = await session.GetAsync(cancellationToken);
        var first = new Uri(token.InstanceUrl, $"/services/data/{options.ApiVersion}/query?q={Uri.EscapeDataString(soql)}");
        var problems = new CrmProblemList($"Salesforce {objectName} query", CrmHttp.Describe(first));
        var pages = 0;
        var renewed = false;
        for (var url = first; ;)
        {
            using var response = await SendAsync(url, token, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && !renewed)
            {
                // The session ended (timeout, revoked): one new token, then the same page again.
                session.Invalidate(token);
                token = await session.GetAsync(cancellationToken);
                renewed = true;
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await CrmHttp.FailureAsync(Service, response, "GET", url, cancellationToken);
            }

            CrmHttp.EnsureJson(Service, response, url);
            pages++;
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                using var page = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
                if (ReadPage(page.RootElement, url, token.InstanceUrl, problems, each) is not { } next)
                {
                    break;
                }

                url = next;
            }
            catch (JsonException e)
            {
                throw CrmHttp.Malformed(Service, url, $"is not JSON: {e.Message}", e);
            }
        }

        problems.ThrowIfAny("record");
        return pages;
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, SalesforceSession.Token token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        request.Headers.TryAddWithoutValidation("Sforce-Query-Options", $"batchSize={options.BatchSize.ToString(CultureInfo.InvariantCulture)}");
        return await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>Hands the page's records on and returns the next page's URL (null when done).</summary>
    private static Uri? ReadPage(JsonElement root, Uri url, Uri instance, CrmProblemList problems, Action<JsonElement, Action<string>> each)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Array)
        {
            throw CrmHttp.Malformed(Service, url, "has no \"records\" array");
        }

        if (!root.TryGetProperty("done", out var done) || done.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw CrmHttp.Malformed(Service, url, "has no \"done\" flag");
        }

        var position = 0;
        foreach (var record in records.EnumerateArray())
        {
            position++;
            if (record.ValueKind != JsonValueKind.Object)
            {
                throw CrmHttp.Malformed(Service, url, $"has a record {position} that is not an object");
            }

            each(record, problem => problems.Add($"record {RecordId(record) ?? position.ToString(CultureInfo.InvariantCulture)}: {problem}"));
        }

        if (done.GetBoolean())
        {
            return null;
        }

        // nextRecordsUrl is a path on the same instance, e.g. /services/data/v62.0/query/01gD0000002HU6KIAW-2000.
        if (!root.TryGetProperty("nextRecordsUrl", out var next) || next.ValueKind != JsonValueKind.String
            || next.GetString() is not { } path || !path.StartsWith("/services/data/", StringComparison.Ordinal))
        {
            throw CrmHttp.Malformed(Service, url, "is not done but has no nextRecordsUrl under /services/data/");
        }

        return new Uri(instance, path);
    }

    /// <summary>A field by API name, following relationships (<c>Owner.Email</c>); null when it or a parent is null or absent.</summary>
    private static JsonElement? Field(JsonElement record, string path)
    {
        var current = record;
        foreach (var name in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !TryGetIgnoringCase(current, name, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.Null ? null : current;
    }

    // SOQL names are case-insensitive and the JSON echoes the query's spelling, or the field's own.
    private static bool TryGetIgnoringCase(JsonElement element, string name, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }

    private static string? Text(JsonElement record, string path) =>
        Field(record, path) is { ValueKind: JsonValueKind.String } text && text.GetString() is { Length: > 0 } value ? value : null;

    private static DateOnly? ReadDate(JsonElement record, string path) =>
        Text(record, path) is { } text
        && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static bool TryReadAmount(JsonElement record, string path, out decimal? amount)
    {
        amount = null;
        switch (Field(record, path))
        {
            case null:
                return true;
            case { ValueKind: JsonValueKind.Number } number when number.TryGetDecimal(out var value):
                amount = value;
                return true;
            default:
                return false;
        }
    }

    private static string? RecordId(JsonElement record) =>
        record.TryGetProperty("attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Object
        && attributes.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String
            ? url.GetString()?.Split('/')[^1]
            : null;

    private static string Soql(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Read {Count} {What} from Salesforce in {Pages} pages; {WithoutOwner} had no owner email and count for nobody")]
    private static partial void LogLoaded(ILogger logger, int count, string what, int pages, int withoutOwner);
}
