using System.Text.Json.Nodes;

namespace MentorFlow.Dashboard.Tests.Browser;

/// <summary>
/// Plays the people a program emails, through the links in the local outbox, as they would with the pages behind
/// them: every approval link is answered (one sales leader declines to pledge, the sponsor endorses with a message),
/// every mentor invitation is accepted, check-ins are answered except every third one (one mentee rates low), and
/// every story is told (one without consent to share, one suggesting a colleague for the next cohort).
/// </summary>
public sealed class OutboxResponder : IAsyncDisposable
{
    public const string DecliningLeader = "marc.tremblay@example.com";
    public const string EndorsementMessage = "Mentoring made me a sales manager. I want every account executive here to have that chance.";
    public const string LowRatingComment = "We have not met yet: our sessions keep moving.";

    private readonly HttpClient api;
    private readonly string programId;
    private readonly HashSet<string> answered = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private int checkInsSeen;
    private int storiesSeen;
    private bool lowRatingGiven;

    /// <param name="api">The keyed API client (for the outbox); the links themselves need no key.</param>
    /// <param name="programId">Only this program's emails are answered.</param>
    public OutboxResponder(HttpClient api, string programId)
    {
        this.api = api;
        this.programId = programId;
        loop = Task.Run(RunAsync);
    }

    /// <summary>The colleague the first story suggests for the next cohort (none while unset).</summary>
    public string? SuggestedColleague { get; set; }

    /// <summary>What went wrong while answering (a link the host refused), for the test to show.</summary>
    public List<string> Problems { get; } = [];

    private async Task RunAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await AnswerNewEmailsAsync(stop.Token);
                await Task.Delay(300, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException ex)
            {
                lock (Problems)
                {
                    Problems.Add(ex.Message);
                }
            }
        }
    }

    private async Task AnswerNewEmailsAsync(CancellationToken cancellationToken)
    {
        var outbox = JsonNode.Parse(await api.GetStringAsync("api/dev/outbox", cancellationToken))!.AsArray();

        // Oldest first, as the people would have received them.
        foreach (var message in outbox.Reverse().Select(m => m!.AsObject()).Where(m => m["programId"]!.GetValue<string>() == programId))
        {
            var to = string.Join(",", message["to"]!.AsArray().Select(t => t!.GetValue<string>()));
            var subject = message["subject"]!.GetValue<string>();
            foreach (var link in message["links"]!.AsArray().Select(l => new Uri(l!.GetValue<string>())))
            {
                var form = FormFor(link, to, subject);
                if (form is null || !answered.Add(link.AbsolutePath))
                {
                    continue;
                }

                using var response = await api.PostAsync(link.PathAndQuery.Split('?')[0], new FormUrlEncodedContent(form), cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    lock (Problems)
                    {
                        Problems.Add($"{(int)response.StatusCode} from {link.AbsolutePath} ({subject})");
                    }
                }
            }
        }
    }

    private Dictionary<string, string>? FormFor(Uri link, string to, string subject)
    {
        var path = link.AbsolutePath;
        if (path.Contains("/api/approvals/", StringComparison.Ordinal) && link.Query.Contains("decision=approve", StringComparison.Ordinal))
        {
            if (subject.Contains("Pledge", StringComparison.OrdinalIgnoreCase) && to.Contains(DecliningLeader, StringComparison.OrdinalIgnoreCase))
            {
                return new() { ["decision"] = "decline", ["comment"] = "Not this quarter: my team is short-staffed." };
            }

            var comment = subject.Contains("Endorse", StringComparison.OrdinalIgnoreCase) ? EndorsementMessage
                : subject.Contains("Pledge", StringComparison.OrdinalIgnoreCase) ? "Count on my team."
                : "";
            return new() { ["decision"] = "approve", ["comment"] = comment };
        }

        if (path.Contains("/api/checkins/", StringComparison.Ordinal))
        {
            if (answered.Contains(path))
            {
                return null;
            }

            checkInsSeen++;
            if (checkInsSeen % 3 == 0)
            {
                answered.Add(path); // This participant never answers.
                return null;
            }

            if (!lowRatingGiven)
            {
                lowRatingGiven = true;
                return new() { ["rating"] = "2", ["comment"] = LowRatingComment };
            }

            return new() { ["rating"] = checkInsSeen % 2 == 0 ? "5" : "4", ["comment"] = "Good sessions; the pipeline reviews help most." };
        }

        if (path.Contains("/api/stories/", StringComparison.Ordinal))
        {
            if (answered.Contains(path))
            {
                return null;
            }

            storiesSeen++;
            var form = new Dictionary<string, string>
            {
                ["story"] = $"Story {storiesSeen}: I led my first pipeline review with my mentor watching, and the team closed two stalled deals that quarter.",
                ["bestPractice"] = "Agree the agenda the day before and keep notes in one shared document.",
                ["suggestion"] = storiesSeen == 1 ? SuggestedColleague ?? "" : "",
            };
            if (storiesSeen != 2)
            {
                form["consent"] = "yes";
            }

            return form;
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}
