using System.Collections.Concurrent;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Roles;

namespace MentorFlow.Benchmarks.Emails;

/// <summary>Programs in memory, for running the stage activities without storage.</summary>
internal sealed class InMemoryProgramStore : IProgramStore
{
    private readonly ConcurrentDictionary<string, ProgramRecord> programs = new();
    private readonly ConcurrentDictionary<string, ProgramDefinition> definitions = new();
    private readonly ConcurrentDictionary<string, ProgramCharter> charters = new();
    private readonly ConcurrentDictionary<string, RoleCharter> roleCharters = new();
    private readonly ConcurrentDictionary<string, IdempotencyClaim> claims = new();
    private readonly Lock gate = new();

    public Task CreateAsync(ProgramRecord program, ProgramDefinition definition, CancellationToken cancellationToken)
    {
        if (!programs.TryAdd(program.Id, program))
        {
            throw new InvalidOperationException($"Program {program.Id} exists.");
        }

        definitions[program.Id] = definition;
        return Task.CompletedTask;
    }

    public Task<ProgramRecord?> GetAsync(string programId, CancellationToken cancellationToken) =>
        Task.FromResult(programs.GetValueOrDefault(programId));

    public Task<ProgramDefinition?> GetDefinitionAsync(string programId, CancellationToken cancellationToken) =>
        Task.FromResult(definitions.GetValueOrDefault(programId));

    public Task<IReadOnlyList<ProgramSummary>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ProgramSummary>>(
            [.. programs.Values.OrderByDescending(p => p.CreatedAt).Select(p => new ProgramSummary(p.Id, p.Name, p.Status, p.Stage, p.CreatedAt))]);

    public Task<ProgramRecord> UpdateAsync(string programId, Func<ProgramRecord, ProgramRecord> change, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var updated = change(programs[programId]);
            programs[programId] = updated;
            return Task.FromResult(updated);
        }
    }

    public Task SaveCharterAsync(string programId, ProgramCharter charter, CancellationToken cancellationToken)
    {
        charters[programId] = charter;
        return Task.CompletedTask;
    }

    public Task<ProgramCharter?> GetCharterAsync(string programId, CancellationToken cancellationToken) =>
        Task.FromResult(charters.GetValueOrDefault(programId));

    public Task SaveRolesAsync(string programId, RoleCharter charter, CancellationToken cancellationToken)
    {
        roleCharters[programId] = charter;
        return Task.CompletedTask;
    }

    public Task<RoleCharter?> GetRoleCharterAsync(string programId, CancellationToken cancellationToken) =>
        Task.FromResult(roleCharters.GetValueOrDefault(programId));

    public Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(IdempotencyClaim claim, CancellationToken cancellationToken) =>
        Task.FromResult(claims.GetOrAdd(claim.Key, claim));
}
