using System.Globalization;
using System.Text.Json;
using MentorFlow.Workflows.CompanyDirectory;
using WireMock;

namespace MentorFlow.Benchmarks.Sources;

/// <summary>
/// Microsoft Graph's <c>GET /v1.0/users</c> over the benchmark's directory: pages of <c>$top</c> users, at most
/// <paramref name="pageCap"/> (Graph's own cap: 999, or 100 when the query has <c>$expand</c>), each but the last with an
/// <c>@odata.nextLink</c> carrying a skip token, users shaped as Graph answers <c>$select</c> and
/// <c>$expand=manager($select=id)</c>.
/// </summary>
internal sealed class GraphUsersFake(IReadOnlyList<DirectoryUser> users, int pageCap)
{
    public const string UsersPath = "/v1.0/users";

    public FakeAnswer Answer(IRequestMessage request, Uri baseUrl)
    {
        if (request.Method != "GET" || request.Path != UsersPath)
        {
            return FakeAnswer.NotFound(request.Path);
        }

        var query = FakeRequests.Query(request);
        var size = Math.Min(FakeRequests.Number(query, "$top", 100), pageCap);
        var first = FakeRequests.Number(query, "$skiptoken", 0);
        var end = Math.Min(first + size, users.Count);
        return FakeAnswer.Json(FakeRequests.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,mail,userPrincipalName,jobTitle,department,country,officeLocation,employeeHireDate,accountEnabled,manager(id))");
            if (end < users.Count)
            {
                json.WriteString("@odata.nextLink", new Uri(baseUrl, $"{UsersPath}?{FakeRequests.QueryWith(query, "$skiptoken", end.ToString(CultureInfo.InvariantCulture))}").AbsoluteUri);
            }

            json.WriteStartArray("value");
            for (var i = first; i < end; i++)
            {
                Write(json, users[i]);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }));
    }

    private static void Write(Utf8JsonWriter json, DirectoryUser user)
    {
        json.WriteStartObject();
        json.WriteString("id", user.Id);
        json.WriteString("displayName", user.DisplayName);
        json.WriteString("mail", user.Mail);
        json.WriteString("userPrincipalName", user.UserPrincipalName);
        json.WriteString("jobTitle", user.JobTitle);
        json.WriteString("department", user.Department);
        json.WriteString("country", user.Country);
        json.WriteString("officeLocation", user.OfficeLocation);
        if (user.EmployeeHireDate is { } hired)
        {
            json.WriteString("employeeHireDate", hired.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull("employeeHireDate");
        }

        json.WriteBoolean("accountEnabled", user.AccountEnabled);
        if (user.ManagerId is { } manager)
        {
            json.WriteStartObject("manager");
            json.WriteString("@odata.type", "#microsoft.graph.user");
            json.WriteString("id", manager);
            json.WriteEndObject();
        }

        // Without a manager Graph leaves the expanded property out.
        json.WriteEndObject();
    }
}
