using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Roles;

namespace MentorFlow.Workflows.Ports;

/// <summary>Where programs, their definitions and their role charters are kept.</summary>
public interface IProgramStore
{
    /// <summary>Stores a new program and its definition. Fails if the id exists.</summary>
    Task CreateAsync(ProgramRecord program, ProgramDefinition definition, CancellationToken cancellationToken);

    /// <summary>One program, or null when there is none with that id.</summary>
    Task<ProgramRecord?> GetAsync(string programId, CancellationToken cancellationToken);

    /// <summary>The definition HR submitted, or null when there is no such program.</summary>
    Task<ProgramDefinition?> GetDefinitionAsync(string programId, CancellationToken cancellationToken);

    /// <summary>Every program, newest first.</summary>
    Task<IReadOnlyList<ProgramSummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored program under optimistic concurrency, retrying on conflict,
    /// and returns what was stored. The change may return its input unchanged to write nothing.
    /// </summary>
    Task<ProgramRecord> UpdateAsync(string programId, Func<ProgramRecord, ProgramRecord> change, CancellationToken cancellationToken);

    /// <summary>Stores the charter the Define stage confirmed.</summary>
    Task SaveCharterAsync(string programId, ProgramCharter charter, CancellationToken cancellationToken);

    /// <summary>The stored charter, or null before the Define stage stored it.</summary>
    Task<ProgramCharter?> GetCharterAsync(string programId, CancellationToken cancellationToken);

    /// <summary>Stores each role's responsibilities and the rendered role charter (replacing earlier ones).</summary>
    Task SaveRolesAsync(string programId, RoleCharter charter, CancellationToken cancellationToken);

    /// <summary>The rendered role charter, or null before the Roles stage stored it.</summary>
    Task<RoleCharter?> GetRoleCharterAsync(string programId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims an idempotency key for a submission. Returns the claim that holds the key: this one when it was free,
    /// or the earlier one (with its program id and request fingerprint) when the key was used before.
    /// </summary>
    Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(IdempotencyClaim claim, CancellationToken cancellationToken);
}
