using System.Collections.Concurrent;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Roles;

namespace MentorFlow.Workflows.Tests.Fakes;

/// <summary>An in-memory <see cref="IProgramStore"/> for orchestration logic tests (the Table adapter has its own tests on Azurite).</summary>
internal sealed class InMemoryProgramStore : IProgramStore
{
    private readonly ConcurrentDictionary<string, ProgramRecord> programs = new();
    private readonly ConcurrentDictionary<string, ProgramDefinition> definitions = new();
    private readonly ConcurrentDictionary<string, IdempotencyClaim> claims = new();
    private readonly Lock gate = new();

    public ConcurrentDictionary<string, ProgramCharter> Charters { get; } = new();

    public ConcurrentDictionary<string, RoleCharter> RoleCharters { get; } = new();

    public Task CreateAsync(ProgramRecord program, ProgramDefinition definition, CancellationToken cancellationToken)
    {
        if (!programs.TryAdd(program.Id, program))
        {
            throw new InvalidOperationException($"Program {program.Id} exists.");
        }

        definitions[program.Id] = definition;
        return Task.CompletedTask;
    }

    /// <summary>Loses a program's definition, as a damaged store would.</summary>
    public void RemoveDefinition(string programId) => definitions.TryRemove(programId, out _);

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
            var current = programs.GetValueOrDefault(programId) ?? throw new KeyNotFoundException(programId);
            var updated = change(current);
            programs[programId] = updated;
            return Task.FromResult(updated);
        }
    }

    public Task SaveCharterAsync(string programId, ProgramCharter charter, CancellationToken cancellationToken)
    {
        Charters[programId] = charter;
        return Task.CompletedTask;
    }

    public Task<ProgramCharter?> GetCharterAsync(string programId, CancellationToken cancellationToken) =>
        Task.FromResult(Charters.GetValueOrDefault(programId));

    public Task SaveRolesAsync(string programId, RoleCharter charter, CancellationToken cancellationToken)
    {
        RoleCharters[programId] = charter;
        return Task.CompletedTask;
    }

    public Task<RoleCharter?> GetRoleCharterAsync(string programId, CancellationToken cancellationToken) =>
        Task.FromResult(RoleCharters.GetValueOrDefault(programId));

    public Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(IdempotencyClaim claim, CancellationToken cancellationToken) =>
        Task.FromResult(claims.GetOrAdd(claim.Key, claim));
}
