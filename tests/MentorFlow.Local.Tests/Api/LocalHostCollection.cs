namespace MentorFlow.Local.Tests.Api;

/// <summary>Tests that share the running local host (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class LocalHostCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "Local host";
}
