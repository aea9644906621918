namespace MentorFlow.Infra.Tests.Bicep;

/// <summary>Tests that read the compiled template share one <see cref="BicepBuild"/>.</summary>
[CollectionDefinition(Name)]
public sealed class BicepBuildCollection : ICollectionFixture<BicepBuild>
{
    public const string Name = "bicep build";
}
