using Google.Protobuf.WellKnownTypes;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Sdk.Sandbox;
using Contract = IntegrationHub.Contracts.Routing.V1;
using Domain = IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Server.Operations;

/// <summary>Sandbox vendor conditions between the SDK's records and the contract.</summary>
internal static class VendorConditionMapping
{
    public static Contract.VendorCondition ToContract(string connector, VendorConditionState state) =>
        new()
        {
            Connector = connector,
            Kind = state.Condition.Kind switch
            {
                Domain.VendorConditionKind.Down => Contract.VendorConditionKind.Down,
                Domain.VendorConditionKind.Slow => Contract.VendorConditionKind.Slow,
                Domain.VendorConditionKind.Throttled => Contract.VendorConditionKind.Throttled,
                Domain.VendorConditionKind.Failing => Contract.VendorConditionKind.Failing,
                _ => Contract.VendorConditionKind.Healthy,
            },
            Latency = Duration.FromTimeSpan(state.Condition.Latency),
            FailureSharePercent = state.Condition.FailurePercent,
            EndTime =
                state.EndsAt is { } end && end < DateTimeOffset.MaxValue ? Timestamp.FromDateTimeOffset(end) : null,
        };
}
