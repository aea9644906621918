using System.Text.Json.Nodes;
using Azure.Data.Tables;
using MentorFlow.Integrations.Approvals;
using MentorFlow.Integrations.Storage;
using MentorFlow.Testing;
using MentorFlow.Workflows.Approvals;
using MentorFlow.Workflows.Definitions;
using MentorFlow.Workflows.Ports;
using MentorFlow.Workflows.Programs;
using MentorFlow.Workflows.Roles;
using Microsoft.Extensions.Options;

namespace MentorFlow.Integrations.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableProgramStoreTests(AzuriteFixture azurite)
{
    private readonly TableProgramStore store = new(StoreFixture.Tables(azurite));

    [Fact]
    public async Task CreateAsync_NewProgram_ReadsBackRecordAndDefinition()
    {
        var definition = TestPrograms.Definition();
        var program = ProgramRecord.New(ProgramIds.NewId(), definition.Name, DateTimeOffset.UtcNow);

        await store.CreateAsync(program, definition, default);

        var stored = await store.GetAsync(program.Id, default);
        Assert.NotNull(stored);
        Assert.Equal(program.Id, stored.Id);
        Assert.Equal(ProgramStatus.Running, stored.Status);
        Assert.Equal(Enum.GetValues<StageName>(), stored.Stages.Select(s => s.Name));
        var storedDefinition = await store.GetDefinitionAsync(program.Id, default);
        Assert.Equal(ProgramDefinitionJson.Serialize(definition), ProgramDefinitionJson.Serialize(storedDefinition!));
    }

    [Fact]
    public async Task LargestAcceptedDefinition_EveryStoredForm_FitsAndReadsBackWhole()
    {
        // Every list and text at its limit, in characters that default JSON escaping makes six times longer.
        var json = LargestDefinition.From(JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "sales-leadership-2027.json")))!.AsObject());
        var parsed = ProgramDefinitionParser.Parse(System.Text.Encoding.UTF8.GetString(LargestDefinition.Body(json)));
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Problems));
        var definition = parsed.Definition;
        var program = ProgramRecord.New(ProgramIds.NewId(), definition.Name, DateTimeOffset.UtcNow);
        var charter = ProgramCharter.From(definition, DateTimeOffset.UtcNow);
        var roles = RoleCharterRenderer.Render(definition.Name, definition.Roles);
        var (title, description) = ApprovalTexts.Charter(charter);
        var approvals = new TableApprovalStore(
            new TableServiceClient(azurite.ConnectionString),
            Options.Create(new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "T" + Guid.NewGuid().ToString("N")[..12] }));
        var approval = new ApprovalRecord
        {
            ProgramId = program.Id, ApprovalId = "charter", Kind = ApprovalKind.CharterConfirmation, Title = title, Description = description,
        };

        await store.CreateAsync(program, definition, default);
        await store.SaveCharterAsync(program.Id, charter, default);
        await store.SaveRolesAsync(program.Id, roles, default);
        await approvals.SaveAsync(approval, default);

        Assert.Equal(ProgramDefinitionJson.Serialize(definition), ProgramDefinitionJson.Serialize((await store.GetDefinitionAsync(program.Id, default))!));
        Assert.Equal(definition.Benefits, (await store.GetCharterAsync(program.Id, default))!.Benefits);
        var storedRoles = (await store.GetRoleCharterAsync(program.Id, default))!;
        Assert.Equal(roles.Html, storedRoles.Html);
        Assert.Equal(roles.Text, storedRoles.Text);
        Assert.Equal(description, (await approvals.GetAsync(program.Id, "charter", default))!.Description);
    }

    [Fact]
    public async Task CreateAsync_SameIdTwice_Throws()
    {
        var definition = TestPrograms.Definition();
        var program = ProgramRecord.New(ProgramIds.NewId(), definition.Name, DateTimeOffset.UtcNow);
        await store.CreateAsync(program, definition, default);

        await Assert.ThrowsAnyAsync<Exception>(() => store.CreateAsync(program, definition, default));
    }

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull()
    {
        Assert.Null(await store.GetAsync(ProgramIds.NewId(), default));
        Assert.Null(await store.GetDefinitionAsync(ProgramIds.NewId(), default));
    }

    [Fact]
    public async Task ListAsync_SeveralPrograms_NewestFirstWithCurrentStatus()
    {
        var definition = TestPrograms.Definition();
        var start = DateTimeOffset.UtcNow;
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var program = ProgramRecord.New(ProgramIds.NewId(), $"Program {i}", start.AddMinutes(i));
            await store.CreateAsync(program, definition, default);
            ids.Add(program.Id);
        }

        await store.UpdateAsync(ids[1], p => p with { Status = ProgramStatus.Completed, Stage = null }, default);

        var list = await store.ListAsync(default);
        Assert.Equal([ids[2], ids[1], ids[0]], list.Select(p => p.Id));
        Assert.Equal(ProgramStatus.Completed, list[1].Status);
        Assert.Null(list[1].Stage);
        Assert.Equal(StageName.Define, list[0].Stage);
    }

    [Fact]
    public async Task UpdateAsync_ConcurrentChanges_AllApplied()
    {
        var definition = TestPrograms.Definition();
        var program = ProgramRecord.New(ProgramIds.NewId(), definition.Name, DateTimeOffset.UtcNow);
        await store.CreateAsync(program, definition, default);

        // Ten writers each bump their own counter: optimistic concurrency must keep all ten.
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => store.UpdateAsync(
            program.Id,
            p => p with { Counts = new Dictionary<string, int>(p.Counts) { [$"c{i}"] = i } },
            default)));

        var stored = await store.GetAsync(program.Id, default);
        Assert.Equal(10, stored!.Counts.Count);
    }

    [Fact]
    public async Task UpdateAsync_ChangeReturnsSameRecord_WritesNothing()
    {
        var definition = TestPrograms.Definition();
        var program = ProgramRecord.New(ProgramIds.NewId(), definition.Name, DateTimeOffset.UtcNow);
        await store.CreateAsync(program, definition, default);

        var result = await store.UpdateAsync(program.Id, p => p, default);

        Assert.Equal(program.Id, result.Id);
        Assert.Equal(ProgramStatus.Running, result.Status);
    }

    [Fact]
    public async Task UpdateAsync_UnknownProgram_Throws()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.UpdateAsync(ProgramIds.NewId(), p => p, default));
    }

    [Fact]
    public async Task SaveRolesAsync_RenderedCharter_ReadsBackHtmlAndText()
    {
        var definition = TestPrograms.Definition();
        var program = ProgramRecord.New(ProgramIds.NewId(), definition.Name, DateTimeOffset.UtcNow);
        await store.CreateAsync(program, definition, default);
        var charter = RoleCharterRenderer.Render(definition.Name, definition.Roles);

        await store.SaveRolesAsync(program.Id, charter, default);

        var stored = await store.GetRoleCharterAsync(program.Id, default);
        Assert.Equal(charter.Html, stored!.Html);
        Assert.Equal(charter.Text, stored.Text);
        Assert.Equal(charter.Roles.Select(r => r.Role), stored.Roles.Select(r => r.Role));
    }

    [Fact]
    public async Task SaveCharterAsync_Charter_ReadsBack()
    {
        var definition = TestPrograms.Definition();
        var program = ProgramRecord.New(ProgramIds.NewId(), definition.Name, DateTimeOffset.UtcNow);
        await store.CreateAsync(program, definition, default);
        var charter = ProgramCharter.From(definition, DateTimeOffset.UtcNow);

        await store.SaveCharterAsync(program.Id, charter, default);

        var stored = await store.GetCharterAsync(program.Id, default);
        Assert.Equal(charter.Purpose, stored!.Purpose);
        Assert.Equal(charter.LearningOutcomes, stored.LearningOutcomes);
    }

    [Fact]
    public async Task ClaimIdempotencyKeyAsync_SecondClaim_ReturnsFirst()
    {
        var key = Guid.NewGuid().ToString();
        var first = new IdempotencyClaim(key, "prg-first", "hash-1");

        var won = await store.ClaimIdempotencyKeyAsync(first, default);
        var second = await store.ClaimIdempotencyKeyAsync(new IdempotencyClaim(key, "prg-second", "hash-2"), default);

        Assert.Equal(first, won);
        Assert.Equal(first, second);
    }
}
