using System.Text.Json.Nodes;
using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Tests.Definitions;

/// <summary>Email addresses are plain and deliverable-looking; the five roles are each defined once.</summary>
public class PeopleAndRoleRuleTests
{
    [Theory]
    [InlineData("not-an-email")]
    [InlineData("jane@localhost")]
    [InlineData("jane@example.")]
    [InlineData("jane@.example.com")]
    [InlineData("jane@@example.com")]
    [InlineData("Jane Doe <jane@example.com>")]
    [InlineData("\"Jane\" jane@example.com")]
    [InlineData("jane@example.com, joe@example.com")]
    [InlineData("@example.com")]
    public void Parse_InvalidEmail_ReportsItAtItsPath(string email)
    {
        var result = DefinitionBuilder.Valid().Set("programManager.email", email).Parse();

        var problem = ProblemAssert.Single(result, "programManager.email", "is not a valid email address");
        Assert.Contains("jane.doe@example.com", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidEmailOfLeader_ReportsItAtTheLeaderPath()
    {
        var result = DefinitionBuilder.Valid()
            .Add("sponsorship.leaders", new JsonObject { ["name"] = "Kim", ["email"] = "kim(at)example.com" })
            .Parse();

        ProblemAssert.Single(result, "sponsorship.leaders[1].email", "is not a valid email address");
    }

    [Fact]
    public void Parse_NameAndEmailWithSpaces_TrimsThem()
    {
        var definition = DefinitionBuilder.Valid()
            .Set("sponsor.name", "  Sam Rivera ")
            .Set("sponsor.email", " sam.rivera@example.com  ")
            .ParseValid();

        Assert.Equal(new Person("Sam Rivera", "sam.rivera@example.com"), definition.Sponsor);
    }

    [Fact]
    public void Parse_EmailWithSubdomainAndPlus_IsAccepted()
    {
        var definition = DefinitionBuilder.Valid().Set("sponsor.email", "sam+mentoring@sales.example.co.uk").ParseValid();

        Assert.Equal("sam+mentoring@sales.example.co.uk", definition.Sponsor.Email);
    }

    [Fact]
    public void Parse_TwoRolesMissing_NamesBothInOneProblemAtRoles()
    {
        // Removing the last entry first keeps the other index stable: Sponsor is [3], SalesLeader [4].
        var result = DefinitionBuilder.Valid().Remove("roles[4]").Remove("roles[3]").Parse();

        var problem = ProblemAssert.Single(result, "roles", "The roles Sponsor and SalesLeader are not defined");
        Assert.Contains("Mentor, Mentee, ProgramManager, Sponsor and SalesLeader", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OneRoleMissing_NamesIt()
    {
        var result = DefinitionBuilder.Valid().Remove("roles[2]").Parse();

        ProblemAssert.Single(result, "roles", "The role ProgramManager is not defined");
    }

    [Fact]
    public void Parse_NoRoles_NamesAllFive()
    {
        var result = DefinitionBuilder.Valid().Set("roles", new JsonArray()).Parse();

        ProblemAssert.Single(result, "roles", "The roles Mentor, Mentee, ProgramManager, Sponsor and SalesLeader are not defined");
    }

    [Fact]
    public void Parse_UnknownRole_ReportsItAtTheRoleName()
    {
        var result = DefinitionBuilder.Valid()
            .Add("roles", new JsonObject { ["role"] = "Coach", ["responsibilities"] = new JsonArray("Coaches.") })
            .Parse();

        var problem = ProblemAssert.Single(result, "roles[5].role", "Unknown role 'Coach'");
        Assert.Contains("Mentor, Mentee, ProgramManager, Sponsor and SalesLeader", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RoleInWrongCase_SuggestsTheRealNameAndReportsItMissing()
    {
        var result = DefinitionBuilder.Valid().Set("roles[0].role", "mentor").Parse();

        ProblemAssert.Paths(result, "roles[0].role", "roles");
        Assert.Contains("did you mean 'Mentor'?", result.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateRole_ReportsTheSecondEntry()
    {
        var result = DefinitionBuilder.Valid()
            .Add("roles", new JsonObject { ["role"] = ProgramRoles.Mentee, ["responsibilities"] = new JsonArray("Again.") })
            .Parse();

        ProblemAssert.Single(result, "roles[5].role", "Role 'Mentee' is defined more than once");
    }

    [Fact]
    public void Parse_RolesInAnyOrder_AreAccepted()
    {
        var builder = DefinitionBuilder.Valid();
        for (var i = 0; i < ProgramRoles.All.Count; i++)
        {
            builder.Set($"roles[{i}].role", ProgramRoles.All[ProgramRoles.All.Count - 1 - i]);
        }

        var definition = builder.ParseValid();

        Assert.Equal(ProgramRoles.All.Reverse(), definition.Roles.Select(r => r.Role));
    }
}
