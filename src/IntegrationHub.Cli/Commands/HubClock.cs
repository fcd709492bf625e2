namespace IntegrationHub.Cli.Commands;

/// <summary>
/// The operator's "now", from which windows such as <c>--since 1h</c> are measured. hubctl
/// runs on the operator's machine, whose clock is the one they mean; it is read here only.
/// </summary>
internal static class HubClock
{
    public static DateTimeOffset Now => TimeProvider.System.GetUtcNow();
}
