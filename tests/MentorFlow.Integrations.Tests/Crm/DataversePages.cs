using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MentorFlow.Integrations.Tests.Crm;

/// <summary>Dataverse Web API pages shaped as the service answers (context, etags, expanded owner, nextLink).</summary>
internal static class DataversePages
{
    public const string OpportunitiesPath = "/api/data/v9.2/opportunities";
    public const string GoalsPath = "/api/data/v9.2/goals";

    public static JsonObject Opportunity(
        int state,
        string? owner = "ana@contoso.example",
        decimal? estimated = 1000m,
        decimal? actual = null,
        string? estimatedClose = "2026-03-01",
        string? actualClose = null,
        string? id = null) => new()
        {
            ["@odata.etag"] = "W/\"4811023\"",
            ["opportunityid"] = id ?? Guid.NewGuid().ToString(),
            ["statecode"] = state,
            ["estimatedvalue"] = estimated,
            ["estimatedvalue_base"] = estimated,
            ["actualvalue"] = actual,
            ["actualvalue_base"] = actual,
            ["estimatedclosedate"] = estimatedClose,
            ["actualclosedate"] = actualClose,
            ["owninguser"] = owner is null ? null : new JsonObject
            {
                ["internalemailaddress"] = owner,
                ["systemuserid"] = Guid.NewGuid().ToString(),
                ["ownerid"] = Guid.NewGuid().ToString(),
            },
        };

    public static JsonObject Goal(string owner, string start, string end, decimal? target) => new()
    {
        ["@odata.etag"] = "W/\"90211\"",
        ["goalid"] = Guid.NewGuid().ToString(),
        ["targetmoney"] = target,
        ["targetmoney_base"] = target,
        ["goalstartdate"] = start,
        ["goalenddate"] = end,
        ["goalownerid_systemuser"] = new JsonObject { ["internalemailaddress"] = owner, ["systemuserid"] = Guid.NewGuid().ToString() },
    };

    /// <summary><paramref name="count"/> won deals of 1,000 sellers closing in March 2026.</summary>
    public static IEnumerable<JsonObject> WonDeals(int first, int count) =>
        Enumerable.Range(first, count).Select(i => Opportunity(
            1,
            owner: $"seller{i % 1000:D4}@contoso.example",
            estimated: 1000m,
            actual: 1000m + i,
            actualClose: "2026-03-15"));

    /// <summary>A page; <paramref name="next"/> is the nextLink's URL on the fake, or none on the last page.</summary>
    public static string Page(string entitySet, IEnumerable<JsonObject> records, string? next = null)
    {
        var page = new JsonObject
        {
            ["@odata.context"] = $"https://contoso.crm.dynamics.com/api/data/v9.2/$metadata#{entitySet}",
            ["value"] = new JsonArray([.. records]),
        };
        if (next is not null)
        {
            page["@odata.nextLink"] = next;
        }

        return page.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    /// <summary>A nextLink as Dataverse writes it: the query again with a paging cookie.</summary>
    public static string NextLinkQuery(string path, int page) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}?$select=opportunityid&$skiptoken={Uri.EscapeDataString($"<cookie pagenumber=\"{page}\" pagingcookie=\"%253ccookie%2520page%253d%2522{page - 1}%2522%253e\" istracking=\"False\" />")}");
}
