using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using MentorFlow.Integrations.Approvals;
using MentorFlow.Integrations.Storage;
using MentorFlow.Local.Tests.Api;
using MentorFlow.Workflows.Approvals;
using Microsoft.Extensions.Options;
using static MentorFlow.Local.Tests.Api.ProgramClient;

namespace MentorFlow.Local.Tests.Approvals;

/// <summary>
/// A link of a cancelled program, on the real local host: the charter link that showed its page before the cancel
/// answers 410 afterwards on GET and POST, the audit log has nothing after <c>ProgramCancelled</c>, and the approval
/// is still pending in storage.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class EndedProgramLinkTests(LocalHostFixture fixture)
{
    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task CharterLink_AfterCancel_Answers410OnGetAndPostAndRecordsNothing()
    {
        var id = await SubmitAsync(Client, SampleDefinition("sales-leadership-2027.json"));
        var approve = ApproveLink(await CharterEmailAsync(Client, id));
        using var browser = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        using (var before = await browser.GetAsync(approve))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            TokenPageHeaders.AssertPresent(before);
        }

        using (var cancel = await Client.PostAsync($"api/programs/{id}/cancel", Json(new JsonObject { ["by"] = "Hana HR", ["reason"] = "Budget moved to next year." })))
        {
            Assert.True(cancel.IsSuccessStatusCode, $"Cancel: {(int)cancel.StatusCode} {await cancel.Content.ReadAsStringAsync()}");
        }

        using var page = await browser.GetAsync(approve);
        using var post = await PostDecisionAsync(browser, approve, "approve", "Looks good.");

        foreach (var response in new[] { page, post })
        {
            Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("This program has ended", html, StringComparison.Ordinal);
            Assert.Contains("Sales Leadership Mentoring 2027 was cancelled on", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
            TokenPageHeaders.AssertPresent(response);
        }

        var actions = (await AuditAsync(Client, id)).Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Equal("ProgramCancelled", actions[^1]);
        Assert.DoesNotContain(actions, a => a is "ApprovalApproved" or "ApprovalDeclined");
        var approvals = await new TableApprovalStore(
                new TableServiceClient(fixture.Azurite.ConnectionString),
                Options.Create(new TableStorageOptions { TablePrefix = fixture.Host.Settings.TablePrefix }))
            .ListAsync(id, default);
        var charter = Assert.Single(approvals);
        Assert.Equal(ApprovalStatus.Pending, charter.Status);
        Assert.Null(charter.DecidedAt);
        Assert.Null(charter.DecidedBy);
    }
}
