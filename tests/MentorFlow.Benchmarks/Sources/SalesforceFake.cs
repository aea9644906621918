using System.Globalization;
using System.Text;
using System.Text.Json;
using MentorFlow.Workflows.Criteria;
using WireMock;

namespace MentorFlow.Benchmarks.Sources;

/// <summary>
/// Salesforce's REST API over every row of the benchmark's CRM files: the client credentials token, and SOQL query
/// results for <c>Opportunity</c> and <c>ForecastingQuota</c> in batches of <c>Sforce-Query-Options: batchSize</c>
/// records (200 to 2,000, Salesforce's range), each but the last with a <c>nextRecordsUrl</c> cursor. The query's
/// <c>WHERE</c> is not applied: every row is served.
/// </summary>
internal sealed class SalesforceFake(CrmRows rows)
{
    public const int MaxBatchSize = 2000;
    public const string TokenPath = "/services/oauth2/token";
    private const string QueryPath = "/services/data/v62.0/query";
    private const string CursorPrefix = QueryPath + "/01gBENCH";

    public FakeAnswer Answer(IRequestMessage request, Uri baseUrl)
    {
        if (request.Method == "POST" && request.Path == TokenPath)
        {
            return FakeAnswer.Json(Encoding.UTF8.GetBytes(
                $$"""{"access_token":"00Dbench!token","instance_url":"{{baseUrl.GetLeftPart(UriPartial.Authority)}}","id":"https://login.salesforce.com/id/00D000000000001EAA/005000000000001AAA","token_type":"Bearer","issued_at":"1795766400000","signature":"c2lnbmF0dXJl"}"""));
        }

        if (request.Method != "GET")
        {
            return FakeAnswer.NotFound(request.Path);
        }

        // The first page answers the query; the next ones a cursor: /query/01gBENCH{object}-{records read so far}.
        string? objectName;
        var first = 0;
        if (request.Path == QueryPath)
        {
            var soql = FakeRequests.Query(request)["q"] ?? "";
            objectName = soql.Contains("FROM Opportunity", StringComparison.Ordinal) ? "Opportunity"
                : soql.Contains("FROM ForecastingQuota", StringComparison.Ordinal) ? "ForecastingQuota" : null;
        }
        else if (request.Path.StartsWith(CursorPrefix, StringComparison.Ordinal) && request.Path[CursorPrefix.Length..].Split('-') is [var name, var read])
        {
            objectName = name;
            first = int.Parse(read, CultureInfo.InvariantCulture);
        }
        else
        {
            objectName = null;
        }

        var size = Math.Clamp(FakeRequests.HeaderNumber(request, "Sforce-Query-Options", "batchSize") ?? MaxBatchSize, 200, MaxBatchSize);
        return objectName switch
        {
            "Opportunity" => Page(objectName, first, size, rows.Opportunities, WriteOpportunity),
            "ForecastingQuota" => Page(objectName, first, size, rows.Quotas, WriteQuota),
            _ => FakeAnswer.NotFound(request.Path),
        };
    }

    private static FakeAnswer Page<T>(string objectName, int first, int size, IReadOnlyList<T> records, Action<Utf8JsonWriter, T, int> write)
    {
        var end = Math.Min(first + size, records.Count);
        return FakeAnswer.Json(FakeRequests.Write(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("totalSize", records.Count);
            json.WriteBoolean("done", end >= records.Count);
            if (end < records.Count)
            {
                json.WriteString("nextRecordsUrl", string.Create(CultureInfo.InvariantCulture, $"{CursorPrefix}{objectName}-{end}"));
            }

            json.WriteStartArray("records");
            for (var i = first; i < end; i++)
            {
                write(json, records[i], i);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }));
    }

    private static void WriteOpportunity(Utf8JsonWriter json, Opportunity row, int index)
    {
        json.WriteStartObject();
        Attributes(json, "Opportunity", string.Create(CultureInfo.InvariantCulture, $"006B{index:D14}"));
        json.WriteStartObject("Owner");
        Attributes(json, "User", "005B00000000Bench");
        json.WriteString("Email", row.OwnerEmail);
        json.WriteEndObject();
        json.WriteNumber("Amount", row.Amount);
        json.WriteString("CloseDate", row.CloseDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteBoolean("IsWon", row.Status == OpportunityStatus.Won);
        json.WriteBoolean("IsClosed", row.Status != OpportunityStatus.Open);
        json.WriteEndObject();
    }

    /// <summary>A ForecastingQuota has only a start; the adapter's default quarterly period gives its end.</summary>
    private static void WriteQuota(Utf8JsonWriter json, QuotaPeriod row, int index)
    {
        json.WriteStartObject();
        Attributes(json, "ForecastingQuota", string.Create(CultureInfo.InvariantCulture, $"0J9B{index:D14}"));
        json.WriteStartObject("QuotaOwner");
        Attributes(json, "User", "005B00000000Bench");
        json.WriteString("Email", row.OwnerEmail);
        json.WriteEndObject();
        json.WriteNumber("QuotaAmount", row.Quota);
        json.WriteString("StartDate", row.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }

    private static void Attributes(Utf8JsonWriter json, string type, string id)
    {
        json.WriteStartObject("attributes");
        json.WriteString("type", type);
        json.WriteString("url", $"/services/data/v62.0/sobjects/{type}/{id}");
        json.WriteEndObject();
    }
}
