using IntegrationHub.Server.Errors;
using IntegrationHub.Storage.Decisions;

namespace IntegrationHub.Server.RoutingApi;

/// <summary>
/// Which new decisions a watcher wants: the rep and rule filters of ListDecisions, checked the same way, for the gRPC
/// stream and the dashboard's server-sent events alike.
/// </summary>
public static class DecisionWatchFilter
{
    /// <summary>The filter, or INVALID_ARGUMENT naming each field that is too long.</summary>
    public static Func<StoredDecision, bool> Of(string? repId, string? rule)
    {
        var validator = new RequestValidator();
        var rep = validator.Length("rep_id", repId, 64);
        var matched = validator.Length("rule", rule, 64);
        validator.ThrowIfInvalid();
        return d =>
            (rep.Length == 0 || string.Equals(d.RepId, rep, StringComparison.Ordinal))
            && (matched.Length == 0 || string.Equals(d.Rule, matched, StringComparison.Ordinal));
    }
}
