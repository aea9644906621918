using MentorFlow.Workflows.Email;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorFlow.Workflows.Tests.Programs;

public sealed class RunningProgramEmailSenderTests
{
    private const string ProgramId = "prg-0192a1b2c3d4e5f60718293a4b5c6d7e";

    [Theory]
    [InlineData(ProgramStatus.Cancelled)]
    [InlineData(ProgramStatus.Declined)]
    [InlineData(ProgramStatus.Failed)]
    [InlineData(ProgramStatus.Completed)]
    public async Task SendAsync_ProgramEnded_SendsNothingAndThrows(ProgramStatus status)
    {
        var (sender, inner) = await SenderForAsync(status);

        var ended = await Assert.ThrowsAsync<ProgramEndedException>(() => sender.SendAsync(Email(), CancellationToken.None));
        var endedBulk = await Assert.ThrowsAsync<ProgramEndedException>(() => sender.SendBulkAsync(Digest(), CancellationToken.None));

        Assert.Equal(status, ended.Status);
        Assert.Equal(ProgramId, endedBulk.ProgramId);
        Assert.Equal(0, inner.Attempts);
        Assert.Empty(inner.Sent);
        Assert.Empty(inner.SentBulk);
    }

    [Theory]
    [InlineData(ProgramStatus.Running)]
    [InlineData(ProgramStatus.WaitingForApproval)]
    public async Task SendAsync_ProgramRunning_Sends(ProgramStatus status)
    {
        var (sender, inner) = await SenderForAsync(status);

        await sender.SendAsync(Email(), CancellationToken.None);
        await sender.SendBulkAsync(Digest(), CancellationToken.None);

        Assert.Single(inner.Sent);
        Assert.Single(inner.SentBulk);
    }

    private static async Task<(RunningProgramEmailSender Sender, RecordingEmailSender Inner)> SenderForAsync(ProgramStatus status)
    {
        var programs = new InMemoryProgramStore();
        await programs.CreateAsync(ProgramRecord.New(ProgramId, "Mentoring", DateTimeOffset.UnixEpoch), TestDefinitions.Sample(), CancellationToken.None);
        await programs.UpdateAsync(ProgramId, p => p with { Status = status }, CancellationToken.None);
        var inner = new RecordingEmailSender();
        return (new RunningProgramEmailSender(inner, inner, programs, NullLogger<RunningProgramEmailSender>.Instance), inner);
    }

    private static EmailMessage Email() => new(
        ProgramId, "approval-reminder", ProgramId + "-reminder-1", [new EmailAddress("lee@example.com", "Lee")], [], "Reminder", "<p>r</p>", "r");

    private static BulkEmailMessage Digest() => new(
        ProgramId, "digest", ProgramId + "-digest-1", [new EmailAddress("lee@example.com", "Lee")], "Digest", "<p>d</p>", "d");
}
