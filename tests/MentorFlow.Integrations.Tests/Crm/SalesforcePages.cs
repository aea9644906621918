using System.Text.Json.Nodes;

namespace MentorFlow.Integrations.Tests.Crm;

/// <summary>Salesforce REST answers shaped as the service sends them (attributes, nested Owner, nextRecordsUrl).</summary>
internal static class SalesforcePages
{
    public const string TokenPath = "/services/oauth2/token";
    public const string QueryPath = "/services/data/v62.0/query";
    public const string CursorPath = "/services/data/v62.0/query/01gD0000002HU6KIAW";

    public static string Token(Uri instance, string accessToken = "sf-token") => new JsonObject
    {
        ["access_token"] = accessToken,
        ["instance_url"] = instance.GetLeftPart(UriPartial.Authority),
        ["id"] = "https://login.salesforce.com/id/00D000000000001EAA/005000000000001AAA",
        ["token_type"] = "Bearer",
        ["issued_at"] = "1767225600000",
        ["signature"] = "c2lnbmF0dXJl",
    }.ToJsonString();

    public static JsonObject Opportunity(string? owner, decimal? amount, string? closeDate, bool isWon, bool isClosed, string id = "006D000000AbCdEIAV") => new()
    {
        ["attributes"] = new JsonObject { ["type"] = "Opportunity", ["url"] = $"/services/data/v62.0/sobjects/Opportunity/{id}" },
        ["Owner"] = owner is null ? null : new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "User", ["url"] = "/services/data/v62.0/sobjects/User/005D000000AbCdEIAV" },
            ["Email"] = owner,
        },
        ["Amount"] = amount,
        ["CloseDate"] = closeDate,
        ["IsWon"] = isWon,
        ["IsClosed"] = isClosed,
    };

    public static IEnumerable<JsonObject> WonDeals(int first, int count) =>
        Enumerable.Range(first, count).Select(i => Opportunity($"seller{i % 1000:D4}@contoso.example", 1000m + i, "2026-03-15", true, true, $"006D{i:D14}"));

    public static JsonObject Quota(string owner, decimal amount, string start) => new()
    {
        ["attributes"] = new JsonObject { ["type"] = "ForecastingQuota", ["url"] = "/services/data/v62.0/sobjects/ForecastingQuota/0J9D0000000001AAA" },
        ["QuotaOwner"] = new JsonObject { ["attributes"] = new JsonObject { ["type"] = "User" }, ["Email"] = owner },
        ["QuotaAmount"] = amount,
        ["StartDate"] = start,
    };

    /// <summary>A query page; <paramref name="next"/> is the next cursor's number of records read, or none on the last page.</summary>
    public static string Page(int totalSize, IEnumerable<JsonObject> records, int? next = null)
    {
        var page = new JsonObject
        {
            ["totalSize"] = totalSize,
            ["done"] = next is null,
            ["records"] = new JsonArray([.. records]),
        };
        if (next is not null)
        {
            page["nextRecordsUrl"] = $"{CursorPath}-{next}";
        }

        return page.ToJsonString();
    }
}
