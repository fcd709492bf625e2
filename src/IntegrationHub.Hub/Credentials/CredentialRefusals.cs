using System.Collections.Concurrent;
using IntegrationHub.Hub.Capabilities;
using IntegrationHub.Hub.Telemetry;

namespace IntegrationHub.Hub.Credentials;

/// <summary>
/// Since when a connector's vendor refuses the hub's credentials, and the connector's own words for it.
/// </summary>
public sealed record CredentialRefusal(DateTimeOffset Since, string Reason);

/// <summary>
/// The connectors whose vendor refuses the hub's credentials right now (a rotated-away refresh
/// token, a revoked secret). A refusal is logged once as an error and counted when it starts,
/// shows in the capability's health and the connector catalog until a call succeeds again, and
/// is logged once more when it ends. This instance's view: each instance learns it from its own calls.
/// </summary>
public sealed partial class CredentialRefusals(TimeProvider time, ILogger<CredentialRefusals> logger)
{
    private readonly ConcurrentDictionary<string, CredentialRefusal> _refused = new(StringComparer.OrdinalIgnoreCase);

    public CredentialRefusal? Of(string connector) => _refused.GetValueOrDefault(connector);

    public void Refused(string connector, string reason)
    {
        var refusal = new CredentialRefusal(time.GetUtcNow(), reason);
        if (_refused.TryAdd(connector, refusal))
        {
            LogRefused(logger, connector, reason);
            HubMetrics.CredentialsRefused(connector, refused: true);
        }
    }

    public void Accepted(string connector)
    {
        if (!_refused.IsEmpty && _refused.TryRemove(connector, out var ended))
        {
            LogAccepted(logger, connector, ended.Since);
            HubMetrics.CredentialsRefused(connector, refused: false);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "{Connector} refuses the hub's credentials; its calls fail until they are renewed: {Reason}"
    )]
    private static partial void LogRefused(ILogger logger, string connector, string reason);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "{Connector} accepts the hub's credentials again (refused since {Since:u})"
    )]
    private static partial void LogAccepted(ILogger logger, string connector, DateTimeOffset since);
}
