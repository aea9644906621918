using MentorFlow.Testing;

namespace MentorFlow.Integrations.Tests;

/// <summary>The Table adapter tests share one in-memory Azurite.</summary>
[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteTestCollection : AzuriteCollection;
