using System.Net;
using System.Text;
using System.Text.Json;

namespace MentorFlow.Integrations.Crm;

/// <summary>What the Dataverse and Salesforce sources share: turning a failed answer or a malformed page into a clear exception.</summary>
internal static class CrmHttp
{
    private const int MaxBodyChars = 2000;

    /// <summary>
    /// The exception for an answer that is not a success (after the retries): the service, status, request and the
    /// service's own error text (Dataverse <c>error.message</c>, Salesforce <c>[ { errorCode, message } ]</c>,
    /// OAuth <c>error_description</c>), else the start of the body.
    /// </summary>
    public static async Task<HttpRequestException> FailureAsync(string service, HttpResponseMessage response, string method, Uri url, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = (int)response.StatusCode;
        var retried = status == (int)HttpStatusCode.TooManyRequests || status >= 500 ? " (after retrying)" : "";
        return new HttpRequestException(
            $"{service} answered {status} {response.StatusCode}{retried} to {method} {Describe(url)}: {ErrorText(body)}",
            null,
            response.StatusCode);
    }

    /// <summary>A page that is not the documented shape.</summary>
    public static CrmDataException Malformed(string service, Uri url, string problem, Exception? inner = null)
    {
        var location = Describe(url);
        var message = $"{service} page {location} {problem}.";
        return inner is null
            ? new CrmDataException(message) { Location = location, Problems = [problem], ProblemCount = 1 }
            : new CrmDataException(message, inner) { Location = location, Problems = [problem], ProblemCount = 1 };
    }

    /// <summary>A URL as a person reads it: the query unescaped (<c>$filter=statecode eq 0 or (…)</c>).</summary>
    public static string Describe(Uri url) => Uri.UnescapeDataString(url.AbsoluteUri);

    /// <summary>Checks the answer says it is JSON before it is parsed, so an HTML error page is named as such.</summary>
    public static void EnsureJson(string service, HttpResponseMessage response, Uri url)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null || !mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase))
        {
            throw Malformed(service, url, $"is {mediaType ?? "without a content type"}, not JSON");
        }
    }

    private static string ErrorText(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message))
                {
                    return error.TryGetProperty("code", out var code) ? $"{message} (code {code})" : message.ToString();
                }

                if (error.ValueKind == JsonValueKind.String)
                {
                    return root.TryGetProperty("error_description", out var description) ? $"{error}: {description}" : error.ToString();
                }
            }

            if (root.ValueKind == JsonValueKind.Array)
            {
                var text = new StringBuilder();
                foreach (var item in root.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("message", out var message))
                    {
                        text.Append(text.Length > 0 ? "; " : "");
                        if (item.TryGetProperty("errorCode", out var code))
                        {
                            text.Append(code.ToString()).Append(": ");
                        }

                        text.Append(message.ToString());
                    }
                }

                if (text.Length > 0)
                {
                    return text.ToString();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a gateway's HTML page, say): the raw body follows.
        }

        body = body.Trim();
        return body.Length == 0 ? "no error details in the response" : body.Length > MaxBodyChars ? body[..MaxBodyChars] + "…" : body;
    }
}
