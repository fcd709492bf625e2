using IntegrationHub.Hub.Capabilities;
using IntegrationHub.Hub.Errors;
using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Hub.Sandbox;

/// <summary>
/// The sandbox vendors a user may put in a condition (down, slow, throttled, failing some calls) to rehearse an
/// incident, by connector name. Only connectors talking to their in-process fake take a condition: a connector
/// with credentials runs against the real vendor, which the hub must never pretend to be.
/// </summary>
public sealed partial class VendorRehearsal(
    IEnumerable<IRehearsableVendor> vendors,
    ConnectorCatalog catalog,
    ILogger<VendorRehearsal> logger
)
{
    private readonly Dictionary<string, IRehearsableVendor> _vendors = vendors.ToDictionary(
        v => v.ConnectorName,
        StringComparer.OrdinalIgnoreCase
    );

    /// <summary>The rehearsable vendors, by connector name.</summary>
    public IEnumerable<IRehearsableVendor> Vendors =>
        _vendors.Values.OrderBy(v => v.ConnectorName, StringComparer.Ordinal);

    /// <summary>True when the hub found a connector by this name (any case), sandboxed or not.</summary>
    public bool Knows(string connector) =>
        _vendors.ContainsKey(connector)
        || catalog.Discovered.Any(d => string.Equals(d.Descriptor.Name, connector, StringComparison.OrdinalIgnoreCase))
        || catalog.Bindings.Values.Any(b =>
            string.Equals(b.ConnectorName, connector, StringComparison.OrdinalIgnoreCase)
        );

    /// <summary>The condition of a sandboxed connector's vendor, or null when it has no sandbox fake.</summary>
    public VendorConditionState? ConditionOf(string connector) =>
        _vendors.TryGetValue(connector, out var vendor) ? vendor.Condition : null;

    /// <summary>
    /// Puts <paramref name="connector"/>'s sandbox vendor in <paramref name="condition"/> for
    /// <paramref name="duration"/>; refused (FAILED_PRECONDITION) for a connector without a sandbox fake.
    /// </summary>
    public (IRehearsableVendor Vendor, VendorConditionState State) Impose(
        string connector,
        VendorCondition condition,
        TimeSpan duration
    )
    {
        if (!_vendors.TryGetValue(connector, out var vendor))
        {
            throw HubException.FailedPrecondition(WhyNotSandboxed(connector), "NOT_IN_SANDBOX");
        }

        var state = vendor.Impose(condition, duration);
        LogImposed(logger, vendor.ConnectorName, condition.Kind, state.EndsAt);
        return (vendor, state);
    }

    private string WhyNotSandboxed(string connector)
    {
        var serving = catalog.Bindings.Values.Where(b =>
            string.Equals(b.ConnectorName, connector, StringComparison.OrdinalIgnoreCase)
        );
        return serving.FirstOrDefault() is { } binding
            ? binding.RemoteEndpoint is not null
                ? $"Connector '{binding.ConnectorName}' is a remote connector at {binding.RemoteEndpoint}; vendor "
                    + "conditions are rehearsed only against the hub's in-process sandbox fakes."
                : $"Connector '{binding.ConnectorName}' runs against the real vendor (credentials are configured under "
                    + $"Connectors:{binding.ConnectorName}); vendor conditions are rehearsed only in sandbox mode, "
                    + "against its in-process fake."
            : $"Connector '{connector}' serves no capability, so no sandbox fake runs for it; choose it for a "
                + "capability (Capabilities:<Capability>:Connector) to rehearse its vendor's conditions.";
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Sandbox rehearsal: the {Connector} fake is now {Condition} until {EndsAt:u}"
    )]
    private static partial void LogImposed(
        ILogger logger,
        string connector,
        VendorConditionKind condition,
        DateTimeOffset? endsAt
    );
}
