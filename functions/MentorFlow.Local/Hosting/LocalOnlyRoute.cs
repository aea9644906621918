namespace MentorFlow.Local.Hosting;

/// <summary>Endpoint metadata: a route only the local host serves (the dev outbox), left out of the parity check.</summary>
internal sealed class LocalOnlyRoute;
