using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Tests.Definitions;

public class DefinitionPathTests
{
    [Theory]
    [InlineData("$", "name", "name")]
    [InlineData("criteria", "mentee", "criteria.mentee")]
    [InlineData("roles[2]", "responsibilities", "roles[2].responsibilities")]
    [InlineData("matching", "same country", "matching['same country']")]
    [InlineData("$", "it's", "$['it\\'s']")]
    [InlineData("matching", "", "matching['']")]
    public void Property_Name_AppendsDottedOrQuoted(string parent, string name, string expected)
    {
        Assert.Equal(expected, DefinitionPath.Property(parent, name));
    }

    [Theory]
    [InlineData("name", "name")]
    [InlineData("criteria.mentee.eligibility[1]", "eligibility[1]")]
    [InlineData("matching['a.b']", "matching['a.b']")]
    [InlineData("criteria.mentee.selection['a.b']", "selection['a.b']")]
    public void Leaf_Path_IsTheLastStep(string path, string expected)
    {
        Assert.Equal(expected, DefinitionPath.Leaf(path));
    }
}
