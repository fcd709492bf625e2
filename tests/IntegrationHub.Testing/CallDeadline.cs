namespace IntegrationHub.Testing;

/// <summary>
/// gRPC deadlines for calls to hubs running as processes. A deadline is an instant on the
/// machine's clock (grpc-dotnet turns it into grpc-timeout against that clock), so it is the
/// one place tests read real time rather than a test clock.
/// </summary>
public static class CallDeadline
{
    public static DateTime In(TimeSpan wait) => TimeProvider.System.GetUtcNow().UtcDateTime + wait;
}
