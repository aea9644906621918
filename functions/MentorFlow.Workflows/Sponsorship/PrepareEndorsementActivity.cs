using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Ports;
using Microsoft.DurableTask;

namespace MentorFlow.Workflows.Sponsorship;

/// <summary>Prepares the sponsor's endorsement request (with the charter) and returns its batch.</summary>
public sealed class PrepareEndorsementActivity(IProgramStore programs, IApprovalStore approvals) : TaskActivity<string, ApprovalBatch>
{
    /// <summary>The approval id of the sponsor's endorsement.</summary>
    public const string ApprovalId = "endorsement";

    /// <inheritdoc />
    public override async Task<ApprovalBatch> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        var definition = await programs.GetDefinitionAsync(input, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input} has no stored definition.");
        var charter = await programs.GetCharterAsync(input, CancellationToken.None)
            ?? throw new InvalidOperationException($"Program {input} has no stored charter.");

        // A re-delivered activity must not reset an endorsement that is already out or decided.
        if (await approvals.GetAsync(input, ApprovalId, CancellationToken.None) is null)
        {
            var (_, description) = ApprovalTexts.Charter(charter);
            await approvals.SaveAsync(
                new ApprovalRecord
                {
                    ProgramId = input,
                    ApprovalId = ApprovalId,
                    Kind = ApprovalKind.Endorsement,
                    Title = $"Endorse '{definition.Name}'",
                    Description = [.. description.Skip(1)],
                    SubjectEmail = definition.Sponsor.Email,
                },
                CancellationToken.None);
        }

        return new ApprovalBatch(ApprovalId, ApprovalKind.Endorsement, [ApprovalId], definition.Sponsor);
    }
}
