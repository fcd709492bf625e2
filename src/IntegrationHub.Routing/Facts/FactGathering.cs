using IntegrationHub.Routing.Policy;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Routing.Facts;

/// <summary>
/// What the visitor and the lead fact gatherers share: the sources, the clock, and for each
/// decision one set of lookups under the policy's fact deadline.
/// </summary>
public abstract class FactGathering(FactSources sources, TimeProvider time, ILogger logger)
{
    private readonly SourceCall _call = new(sources, time, logger);

    protected FactSources Sources => sources;

    protected TimeProvider Time => time;

    /// <summary>The lookups of one decision; dispose them when its facts are in.</summary>
    protected FactLookups Begin(RoutingPolicy policy, CancellationToken cancellationToken) =>
        _call.Begin(policy.FactDeadline, cancellationToken);
}
