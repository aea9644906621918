using System.Globalization;
using System.Text.Json;
using MentorFlow.Workflows.Criteria;
using WireMock;

namespace MentorFlow.Benchmarks.Sources;

/// <summary>
/// The Dataverse Web API's <c>opportunities</c> and <c>goals</c> over every row of the benchmark's CRM files, in pages
/// of <c>Prefer: odata.maxpagesize</c> records (at most 5,000, Dataverse's limit), each but the last with an
/// <c>@odata.nextLink</c>; records shaped as Dataverse answers the adapter's <c>$select</c> and <c>$expand</c>. The
/// <c>$filter</c> is not applied: every row is served.
/// </summary>
internal sealed class DataverseFake(CrmRows rows)
{
    public const int MaxPageSize = 5000;
    private const string Root = "/api/data/v9.2/";

    public FakeAnswer Answer(IRequestMessage request, Uri baseUrl)
    {
        var set = request.Method == "GET" && request.Path.StartsWith(Root, StringComparison.Ordinal) ? request.Path[Root.Length..] : null;
        return set switch
        {
            "opportunities" => Page(request, baseUrl, set, rows.Opportunities, WriteOpportunity),
            "goals" => Page(request, baseUrl, set, rows.Quotas, WriteGoal),
            _ => FakeAnswer.NotFound(request.Path),
        };
    }

    private static FakeAnswer Page<T>(IRequestMessage request, Uri baseUrl, string set, IReadOnlyList<T> records, Action<Utf8JsonWriter, T, int> write)
    {
        var query = FakeRequests.Query(request);
        var size = Math.Min(FakeRequests.HeaderNumber(request, "Prefer", "odata.maxpagesize") ?? MaxPageSize, MaxPageSize);
        var first = FakeRequests.Number(query, "$skiptoken", 0);
        var end = Math.Min(first + size, records.Count);
        return FakeAnswer.Json(FakeRequests.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("@odata.context", $"https://contoso.crm.dynamics.com/api/data/v9.2/$metadata#{set}");
            json.WriteStartArray("value");
            for (var i = first; i < end; i++)
            {
                write(json, records[i], i);
            }

            json.WriteEndArray();
            if (end < records.Count)
            {
                json.WriteString("@odata.nextLink", new Uri(baseUrl, $"{Root}{set}?{FakeRequests.QueryWith(query, "$skiptoken", end.ToString(CultureInfo.InvariantCulture))}").AbsoluteUri);
            }

            json.WriteEndObject();
        }));
    }

    private static void WriteOpportunity(Utf8JsonWriter json, Opportunity row, int index)
    {
        json.WriteStartObject();
        json.WriteString("@odata.etag", $"W/\"{4_800_000 + index}\"");
        json.WriteString("opportunityid", Id(index, 1));
        json.WriteNumber("statecode", row.Status switch { OpportunityStatus.Open => 0, OpportunityStatus.Won => 1, _ => 2 });
        json.WriteNumber("estimatedvalue", row.Amount);
        json.WriteNumber("estimatedvalue_base", row.Amount);
        if (row.Status == OpportunityStatus.Won)
        {
            json.WriteNumber("actualvalue", row.Amount);
            json.WriteNumber("actualvalue_base", row.Amount);
        }
        else
        {
            json.WriteNull("actualvalue");
            json.WriteNull("actualvalue_base");
        }

        json.WriteString("estimatedclosedate", Date(row.CloseDate));
        if (row.Status == OpportunityStatus.Open)
        {
            json.WriteNull("actualclosedate");
        }
        else
        {
            json.WriteString("actualclosedate", Date(row.CloseDate));
        }

        json.WriteStartObject("owninguser");
        json.WriteString("internalemailaddress", row.OwnerEmail);
        json.WriteString("systemuserid", Id(row.OwnerEmail.GetHashCode(StringComparison.Ordinal), 2));
        json.WriteString("ownerid", Id(row.OwnerEmail.GetHashCode(StringComparison.Ordinal), 2));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteGoal(Utf8JsonWriter json, QuotaPeriod row, int index)
    {
        json.WriteStartObject();
        json.WriteString("@odata.etag", $"W/\"{90_000 + index}\"");
        json.WriteString("goalid", Id(index, 3));
        json.WriteNumber("targetmoney", row.Quota);
        json.WriteNumber("targetmoney_base", row.Quota);
        json.WriteString("goalstartdate", Date(row.PeriodStart));
        json.WriteString("goalenddate", Date(row.PeriodEnd));
        json.WriteStartObject("goalownerid_systemuser");
        json.WriteString("internalemailaddress", row.OwnerEmail);
        json.WriteString("systemuserid", Id(row.OwnerEmail.GetHashCode(StringComparison.Ordinal), 2));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Id(int number, int kind) => new Guid(number, (short)kind, 0, 0, 0, 0, 0, 0, 0, 0, 0).ToString();

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
