using MentorFlow.Integrations.Storage;
using MentorFlow.Testing;
using MentorFlow.Workflows.Programs;

namespace MentorFlow.Integrations.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableAuditLogTests(AzuriteFixture azurite)
{
    private readonly TableAuditLog log = new(StoreFixture.Tables(azurite));

    [Fact]
    public async Task ListAsync_EntriesAppendedOutOfOrder_ReturnsOldestFirst()
    {
        var id = ProgramIds.NewId();
        var t = DateTimeOffset.UtcNow;
        await log.AppendAsync(id, new AuditEntry(t.AddSeconds(2), "system", "Third", "c"), default);
        await log.AppendAsync(id, new AuditEntry(t, "hr@example.com", "First", "a"), default);
        await log.AppendAsync(id, new AuditEntry(t.AddSeconds(1), "system", "Second", "b"), default);

        var entries = await log.ListAsync(id, default);

        Assert.Equal(["First", "Second", "Third"], entries.Select(e => e.Action));
        Assert.Equal("hr@example.com", entries[0].Actor);
        Assert.Equal(t.UtcTicks, entries[0].At.UtcTicks);
    }

    [Fact]
    public async Task AppendAsync_SameEntryTwice_StoresOneLine()
    {
        var id = ProgramIds.NewId();
        var entry = new AuditEntry(DateTimeOffset.UtcNow, "system", "StageStarted", "Define stage started.");

        await log.AppendAsync(id, entry, default);
        await log.AppendAsync(id, entry, default);

        Assert.Single(await log.ListAsync(id, default));
    }

    [Fact]
    public async Task AppendAsync_DifferentEntriesAtSameInstant_KeepsBoth()
    {
        var id = ProgramIds.NewId();
        var at = DateTimeOffset.UtcNow;

        await log.AppendAsync(id, new AuditEntry(at, "system", "StageCompleted", "Define"), default);
        await log.AppendAsync(id, new AuditEntry(at, "system", "StageStarted", "Roles"), default);

        Assert.Equal(2, (await log.ListAsync(id, default)).Count);
    }

    [Fact]
    public async Task ListAsync_OtherPrograms_AreNotMixedIn()
    {
        var a = ProgramIds.NewId();
        var b = ProgramIds.NewId();
        await log.AppendAsync(a, new AuditEntry(DateTimeOffset.UtcNow, "system", "A", "a"), default);
        await log.AppendAsync(b, new AuditEntry(DateTimeOffset.UtcNow, "system", "B", "b"), default);

        Assert.Equal(["A"], (await log.ListAsync(a, default)).Select(e => e.Action));
    }
}
