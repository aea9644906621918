using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Tests.Forms;
using Microsoft.AspNetCore.Http;
using static MentorFlow.Workflows.Tests.Forms.FormTestContext;

namespace MentorFlow.Workflows.Tests.Api;

/// <summary>
/// Every page behind a token link — approval, check-in and story; GET and POST; success and error — carries the
/// no-cache, no-framing and no-referrer headers, because the token in its URL is the credential.
/// </summary>
public sealed class TokenPageHeadersTests
{
    public static TheoryData<string> Pages =>
    [
        "approval GET 200", "approval POST 200", "approval POST 400 no decision", "approval GET 400 tampered", "approval GET 404 check-in token",
        "approval POST 409 already decided", "approval GET 410 expired", "approval GET 410 ended",
        "check-in GET 200", "check-in POST 200", "check-in POST 400 no rating", "check-in POST 415 not a form", "check-in GET 410 ended",
        "story GET 200", "story POST 200", "story POST 400 no story", "story GET 404 approval token", "story GET 410 ended",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task TokenPage_AnyOutcome_SendsNoStoreDenyFramingAndNoReferrerHeaders(string page)
    {
        var context = await WithProgramAsync();
        var expectedStatus = int.Parse(page.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);

        var response = await RunAsync(await ServeAsync(context, page));

        Assert.Equal(expectedStatus, response.Status);
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
        Assert.Equal("DENY", response.Headers.XFrameOptions.ToString());
        Assert.Equal("no-referrer", response.Headers["Referrer-Policy"].ToString());
        var policy = response.Headers.ContentSecurityPolicy.ToString();
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal); // the meta tag's directives are kept
        Assert.Contains("style-src 'unsafe-inline'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", policy, StringComparison.Ordinal);
    }

    private static async Task<IResult> ServeAsync(FormTestContext context, string page)
    {
        var client = new RecordingDurableClient();
        await context.Approvals.SaveAsync(Approval("pledge-1", ApprovalKind.Pledge, "lee@example.com", "Lee Leader"), default);
        var approval = context.TokenFor("pledge-1", "lee@example.com");
        var checkIn = context.CheckInToken(await context.AddCheckInAsync());
        var story = context.StoryToken(await context.AddStoryAsync());
        var approvals = context.ApprovalPages;
        var forms = context.Forms;
        switch (page)
        {
            case "approval GET 200":
                return await approvals.ShowAsync(Get("/api/approvals/" + approval), approval, default);
            case "approval POST 200":
                return await approvals.DecideAsync(Post("/api/approvals/" + approval, ("decision", "approve")), client, approval, default);
            case "approval POST 400 no decision":
                return await approvals.DecideAsync(Post("/api/approvals/" + approval, ("decision", "maybe")), client, approval, default);
            case "approval GET 400 tampered":
                return await approvals.ShowAsync(Get("/api/approvals/x" + approval), "x" + approval, default);
            case "approval GET 404 check-in token":
                return await approvals.ShowAsync(Get("/api/approvals/" + checkIn), checkIn, default);
            case "approval POST 409 already decided":
                await approvals.DecideAsync(Post("/api/approvals/" + approval, ("decision", "approve")), client, approval, default);
                return await approvals.DecideAsync(Post("/api/approvals/" + approval, ("decision", "decline")), client, approval, default);
            case "approval GET 410 expired":
                var expired = context.TokenFor("pledge-1", "lee@example.com", Start.AddMinutes(-1));
                return await approvals.ShowAsync(Get("/api/approvals/" + expired), expired, default);
            case "approval GET 410 ended":
                await context.EndProgramAsync(ProgramStatus.Cancelled, Start);
                return await approvals.ShowAsync(Get("/api/approvals/" + approval), approval, default);
            case "check-in GET 200":
                return await forms.ShowCheckInAsync(Get("/api/checkins/" + checkIn), checkIn, default);
            case "check-in POST 200":
                return await forms.AnswerCheckInAsync(Post("/api/checkins/" + checkIn, ("rating", "4")), checkIn, default);
            case "check-in POST 400 no rating":
                return await forms.AnswerCheckInAsync(Post("/api/checkins/" + checkIn, ("comment", "Fine.")), checkIn, default);
            case "check-in POST 415 not a form":
                var json = Get("/api/checkins/" + checkIn);
                json.Method = HttpMethods.Post;
                json.ContentType = "application/json";
                return await forms.AnswerCheckInAsync(json, checkIn, default);
            case "check-in GET 410 ended":
                await context.EndProgramAsync(ProgramStatus.Completed, Start);
                return await forms.ShowCheckInAsync(Get("/api/checkins/" + checkIn), checkIn, default);
            case "story GET 200":
                return await forms.ShowStoryAsync(Get("/api/stories/" + story), story, default);
            case "story POST 200":
                return await forms.SubmitStoryAsync(Post("/api/stories/" + story, ("story", "My mentor helped.")), story, default);
            case "story POST 400 no story":
                return await forms.SubmitStoryAsync(Post("/api/stories/" + story, ("story", " ")), story, default);
            case "story GET 404 approval token":
                return await forms.ShowStoryAsync(Get("/api/stories/" + approval), approval, default);
            case "story GET 410 ended":
                await context.EndProgramAsync(ProgramStatus.Failed, Start);
                return await forms.ShowStoryAsync(Get("/api/stories/" + story), story, default);
            default:
                throw new ArgumentOutOfRangeException(nameof(page), page, "No such page in this test.");
        }
    }
}
