using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MentorFlow.Local.Tests.Api;
using MentorFlow.Testing;
using static MentorFlow.Local.Tests.Api.ProgramClient;

namespace MentorFlow.Local.Tests.Approvals;

/// <summary>
/// SendGrid's Event Webhook against the running host: only correctly signed batches are read, and a bounce of the
/// charter email passes the approval to the program manager's manager from the directory at once.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class SendGridEventTests(LocalHostFixture fixture) : IAsyncLifetime, IDisposable
{
    private readonly ECDsa sendGrid = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string directoryFile = Path.Combine(Path.GetTempPath(), $"directory-{Guid.NewGuid():N}.json");
    private LocalHostProcess host = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(directoryFile, """
            { "value": [
              { "id": "u1", "displayName": "Morgan Boss", "mail": "morgan.boss@example.com", "accountEnabled": true },
              { "id": "u2", "displayName": "Priya Patel", "mail": "priya.patel@example.com", "accountEnabled": true, "manager": { "id": "u1" } }
            ] }
            """);
        host = await LocalHostProcess.StartAsync(new LocalHostSettings
        {
            ConnectionString = fixture.Azurite.ConnectionString,
            Settings = new Dictionary<string, string>
            {
                ["MentorFlow:Email:SendGrid:EventWebhook:PublicKey"] = Convert.ToBase64String(sendGrid.ExportSubjectPublicKeyInfo()),
                ["MentorFlow:Directory:File"] = directoryFile,
            },
        });
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    public void Dispose()
    {
        sendGrid.Dispose();
        File.Delete(directoryFile);
    }

    [Fact]
    public async Task Bounce_OfCharterEmail_EscalatesToManagerAtOnce()
    {
        var id = await SubmitAsync(host.Client, SampleDefinition("sales-leadership-2027.json"));
        await WaitForApproverAsync(id, "priya.patel@example.com");

        using var response = await PostSignedAsync(Batch(id, "bounce", "priya.patel@example.com", Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WaitForApproverAsync(id, "morgan.boss@example.com");
        // The request activity stores the new approver before it sends the email and audits it: wait for the audit too.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        JsonArray audit;
        while (!Audited(audit = await AuditAsync(host.Client, id), "ApprovalEscalated") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "ApprovalEmailBounced");
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "ApprovalEscalated");
    }

    [Fact]
    public async Task SignedBatch_Delivered_AcceptedAndChangesNothing()
    {
        var id = await SubmitAsync(host.Client, SampleDefinition("sales-leadership-2027.json"));
        await WaitForApproverAsync(id, "priya.patel@example.com");

        using var response = await PostSignedAsync(Batch(id, "delivered", "priya.patel@example.com", Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["escalated"]!.GetValue<int>());
    }

    [Fact]
    public async Task ModifiedBatch_Rejected403AndNothingEscalates()
    {
        var id = await SubmitAsync(host.Client, SampleDefinition("sales-leadership-2027.json"));
        await WaitForApproverAsync(id, "priya.patel@example.com");
        var batch = Batch(id, "delivered", "priya.patel@example.com", Guid.NewGuid().ToString());
        var (signature, timestamp) = Sign(batch);
        var tampered = batch.Replace("delivered", "bounce", StringComparison.Ordinal);

        using var response = await PostAsync(tampered, signature, timestamp);
        using var unsigned = await PostAsync(batch, null, null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        await Task.Delay(1000);
        var waiting = (await GetAsync(host.Client, id))["waitingFor"]!.AsArray();
        Assert.Equal("priya.patel@example.com", Assert.Single(waiting)!["approver"]!.GetValue<string>());
    }

    [Fact]
    public async Task SameEvent_TwiceDelivered_HandledOnce()
    {
        var id = await SubmitAsync(host.Client, SampleDefinition("sales-leadership-2027.json"));
        await WaitForApproverAsync(id, "priya.patel@example.com");
        var batch = Batch(id, "bounce", "priya.patel@example.com", Guid.NewGuid().ToString());

        using var first = await PostSignedAsync(batch);
        using var second = await PostSignedAsync(batch);

        Assert.Equal(1, JsonNode.Parse(await first.Content.ReadAsStringAsync())!["escalated"]!.GetValue<int>());
        Assert.Equal(0, JsonNode.Parse(await second.Content.ReadAsStringAsync())!["escalated"]!.GetValue<int>());
    }

    private static string Batch(string programId, string type, string email, string eventId) => new JsonArray(new JsonObject
    {
        ["email"] = email,
        ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["event"] = type,
        ["sg_event_id"] = eventId,
        ["sg_message_id"] = "msg-1",
        ["reason"] = type == "bounce" ? "550 5.1.1 The email account does not exist." : null,
        ["mentorflow_key"] = $"{programId}/charter/request/0",
        ["mentorflow_program"] = programId,
    }).ToJsonString();

    private (string Signature, string Timestamp) Sign(string payload)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = sendGrid.SignData(
            Encoding.UTF8.GetBytes(timestamp + payload), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return (Convert.ToBase64String(signature), timestamp);
    }

    private Task<HttpResponseMessage> PostSignedAsync(string payload)
    {
        var (signature, timestamp) = Sign(payload);
        return PostAsync(payload, signature, timestamp);
    }

    private async Task<HttpResponseMessage> PostAsync(string payload, string? signature, string? timestamp)
    {
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/sendgrid/events") { Content = Json(payload) };
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", signature);
            request.Headers.Add("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        }

        return await anonymous.SendAsync(request);
    }

    private async Task WaitForApproverAsync(string id, string approver)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var waiting = (await GetAsync(host.Client, id))["waitingFor"]!.AsArray();
            if (waiting.Any(w => w!["approver"]!.GetValue<string>() == approver))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Program {id} never waited for {approver}.");
    }

    private static bool Audited(JsonArray audit, string action) => audit.Any(e => e!["action"]!.GetValue<string>() == action);
}
