using Xunit;

namespace MentorFlow.Testing;

/// <summary>
/// The base of the "Azurite" test collection: one <see cref="AzuriteFixture"/> shared by every test class in it.
/// xunit 2 only finds collection definitions in the test assembly itself, so each test assembly declares a one-line
/// <c>[CollectionDefinition(AzuriteCollection.Name)] public sealed class AzuriteTestCollection : AzuriteCollection;</c>
/// and its test classes say <c>[Collection(AzuriteCollection.Name)]</c>.
/// </summary>
public abstract class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
