using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MentorFlow.Integrations.CompanyDirectory;
using MentorFlow.Integrations.Crm;
using MentorFlow.SampleData;
using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Approvals.Tokens;
using MentorFlow.Workflows.Criteria;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Stages;
using MentorFlow.Workflows.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorFlow.Benchmarks.Emails;

/// <summary>
/// Emails per approver: the real Define, Roles and Criteria stage activities prepare the nominations (Criteria groups
/// the nominees by the leader who decides), then the real <see cref="SendApprovalRequestActivity"/> sends each batch,
/// as the approval orchestrations would, to a sender that counts. In-memory stores; the directory and CRM are the
/// benchmark's files. The sample program nominates 20; this asks for up to 500 so that many leaders are involved.
/// </summary>
internal static class EmailsSection
{
    private const int MaxNominees = 500;

    public static async Task RunAsync(BenchmarkData data)
    {
        var directory = new FileDirectory(Options.Create(new DirectoryOptions { File = data.DirectoryFile }));
        var performance = new FilePerformanceSource(
            Options.Create(new CrmOptions { OpportunitiesFile = data.OpportunitiesFile, QuotasFile = data.QuotasFile }),
            NullLogger<FilePerformanceSource>.Instance);

        Sections.Print($"Nomination emails (the real Criteria stage and approval-request activities, in-memory stores, a counting email sender; the sample program with maxNominees {MaxNominees}):");
        Print("approver policy", "nominees", "approvers", "emails", "per approver (target 1)", "nominees per email", "largest email", "sending");
        foreach (var approver in NominationApprovers.All)
        {
            await RunAsync(data, approver, directory, performance);
        }
    }

    private static async Task RunAsync(BenchmarkData data, string nominationApprover, IDirectory directory, IPerformanceSource performance)
    {
        var json = JsonNode.Parse(await File.ReadAllTextAsync(data.ProgramFile))!;
        json["criteria"]!["mentee"]!["maxNominees"] = MaxNominees;
        json["criteria"]!["nominationApprover"] = nominationApprover;
        var definition = ProgramDefinitionParser.Parse(json.ToJsonString()).Definition
            ?? throw new InvalidOperationException("The sample program with more nominees does not parse.");

        var programs = new InMemoryProgramStore();
        var approvals = new InMemoryApprovalStore();
        var audit = new InMemoryAuditLog();
        var email = new CountingEmailSender();
        var programId = ProgramIds.NewId();
        var at = new DateTimeOffset(SampleDefaults.AsOf.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        await programs.CreateAsync(ProgramRecord.New(programId, definition.Name, at), definition, CancellationToken.None);
        var stage = new StageInput(programId, at);
        await new DefineStageActivity(programs, audit).RunAsync(new BenchmarkActivityContext(nameof(DefineStageActivity), programId), stage);
        await new RolesStageActivity(programs, audit).RunAsync(new BenchmarkActivityContext(nameof(RolesStageActivity), programId), stage);

        var result = await new CriteriaStageActivity(programs, directory, performance, new InMemoryCandidateStore(), approvals, audit)
            .RunAsync(new BenchmarkActivityContext(nameof(CriteriaStageActivity), programId), stage);
        var batches = result.Batches ?? [];

        var tokens = new ApprovalTokenService(
            Options.Create(new ApprovalTokenOptions { SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }), TimeProvider.System);
        var links = Options.Create(new LinkOptions { PublicBaseUrl = new Uri("http://localhost:7071") });
        var send = new SendApprovalRequestActivity(programs, approvals, audit, email, tokens, links);
        var sendingTime = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            var instanceId = ApprovalEvents.InstanceId(programId, batch.BatchId);
            await send.RunAsync(
                new BenchmarkActivityContext(nameof(SendApprovalRequestActivity), instanceId),
                new ApprovalSend(programId, batch.BatchId, batch.Kind, batch.ApprovalIds, batch.Approver, Level: 0, at, instanceId));
        }

        sendingTime.Stop();

        // Every nominee in exactly one batch, and per approver the emails they were sent.
        var nominees = result.Counts["nominees"];
        var inBatches = batches.SelectMany(b => b.ApprovalIds).ToList();
        if (inBatches.Count != nominees || inBatches.Distinct().Count() != nominees)
        {
            throw new InvalidOperationException($"{nominees} nominees, but the batches hold {inBatches.Count} approvals ({inBatches.Distinct().Count()} distinct).");
        }

        var perApprover = email.Sent.GroupBy(m => m.To[0].Email, StringComparer.OrdinalIgnoreCase).Select(g => g.Count()).ToList();
        var approvers = batches.Select(b => b.Approver?.Email ?? definition.ProgramManager.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var most = perApprover.DefaultIfEmpty(0).Max();
        var largest = email.Sent.Select(m => Encoding.UTF8.GetByteCount(m.Html) + Encoding.UTF8.GetByteCount(m.Text)).DefaultIfEmpty(0).Max();
        Print(
            nominationApprover,
            $"{nominees:N0}",
            $"{approvers:N0}",
            $"{email.Sent.Count:N0}",
            $"{(double)email.Sent.Count / Math.Max(1, approvers):0.##} (max {most}) {(most <= 1 && perApprover.Count == approvers ? "met" : "MISSED")}",
            $"{(double)nominees / Math.Max(1, batches.Count):0.#} (max {batches.Select(b => b.ApprovalIds.Count).DefaultIfEmpty(0).Max()})",
            $"{largest / 1024.0:N0} KB",
            $"{sendingTime.Elapsed.TotalMilliseconds:N0} ms");
    }

    private static void Print(string approver, string nominees, string approvers, string emails, string perApprover, string perEmail, string largest, string sending) =>
        Console.WriteLine($"  {approver,-16} {nominees,9} {approvers,10} {emails,7}   {perApprover,-24} {perEmail,-19} {largest,13} {sending,9}");
}
