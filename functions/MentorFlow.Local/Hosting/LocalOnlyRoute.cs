namespace MentorFlow.Local.Hosting;

/// <summary>Endpoint metadata: a route only the local host serves (the dev outbox, the / redirect to the dashboard), left out of the parity check.</summary>
internal sealed class LocalOnlyRoute;
