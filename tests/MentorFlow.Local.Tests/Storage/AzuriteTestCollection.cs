using MentorFlow.Testing;

namespace MentorFlow.Local.Tests.Storage;

/// <summary>This assembly's "Azurite" collection: xunit 2 only reads collection definitions from the test assembly itself.</summary>
[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteTestCollection : AzuriteCollection;
