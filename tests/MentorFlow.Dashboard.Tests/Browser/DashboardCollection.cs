namespace MentorFlow.Dashboard.Tests.Browser;

/// <summary>The browser tests share one host and one browser, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard in a browser";
}
