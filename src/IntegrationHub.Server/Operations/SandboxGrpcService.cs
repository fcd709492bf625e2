using Grpc.Core;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Hub.Sandbox;
using IntegrationHub.Server.Errors;
using Contract = IntegrationHub.Contracts.Routing.V1;
using Domain = IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Server.Operations;

/// <summary>
/// Rehearsing a vendor incident in sandbox mode: puts a sandboxed connector's fake vendor in a condition for a
/// while, and lists the conditions. Connectors on their real vendor are refused by <see cref="VendorRehearsal"/>.
/// </summary>
public sealed class SandboxGrpcService(VendorRehearsal rehearsal) : SandboxService.SandboxServiceBase
{
    /// <summary>Long enough for a rehearsal over a working day, short enough that a forgotten one ends.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    /// <summary>Beyond a minute every caller has long timed out: more latency rehearses nothing new.</summary>
    public static readonly TimeSpan MaxLatency = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan DefaultDuration = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan DefaultSlowLatency = TimeSpan.FromSeconds(2);

    public override Task<SetVendorConditionResponse> SetVendorCondition(
        SetVendorConditionRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var connector = validator.Required("connector", request.Connector, 64);
        if (connector.Length > 0 && !rehearsal.Knows(connector))
        {
            validator.Add("connector", $"is not a connector this hub loaded ('{connector}')");
        }

        var condition = Condition(validator, request);
        // Healthy ends the condition now: how long for means nothing then.
        var duration =
            request.Kind == Contract.VendorConditionKind.Healthy
                ? DefaultDuration
                : Span(validator, "duration", request.Duration, DefaultDuration);
        if (duration is { } d && (d <= TimeSpan.Zero || d > MaxDuration))
        {
            validator.Add("duration", "must be more than 0 and at most 24 hours");
        }

        validator.ThrowIfInvalid();
        var (vendor, state) = rehearsal.Impose(connector, condition!, duration!.Value);
        return Task.FromResult(
            new SetVendorConditionResponse
            {
                Condition = VendorConditionMapping.ToContract(vendor.ConnectorName, state),
            }
        );
    }

    public override Task<ListVendorConditionsResponse> ListVendorConditions(
        ListVendorConditionsRequest request,
        ServerCallContext context
    )
    {
        var response = new ListVendorConditionsResponse();
        response.Conditions.AddRange(
            rehearsal.Vendors.Select(v => VendorConditionMapping.ToContract(v.ConnectorName, v.Condition))
        );
        return Task.FromResult(response);
    }

    /// <summary>The condition asked for, or null with the violations recorded.</summary>
    private static Domain.VendorCondition? Condition(RequestValidator validator, SetVendorConditionRequest request)
    {
        if (request.Kind == Contract.VendorConditionKind.Healthy)
        {
            return Domain.VendorCondition.Healthy;
        }

        var latency = Span(validator, "latency", request.Latency, TimeSpan.Zero);
        if (latency is { } l && (l < TimeSpan.Zero || l > MaxLatency))
        {
            validator.Add("latency", "must be between 0 and 60 seconds");
            latency = null;
        }

        var share = request.FailureSharePercent;
        if (request.Kind == Contract.VendorConditionKind.Failing)
        {
            validator.Range("failure_share_percent", share, 1, 100);
        }
        else if (share != 0)
        {
            validator.Add("failure_share_percent", "is only for VENDOR_CONDITION_KIND_FAILING");
        }

        return request.Kind switch
        {
            Contract.VendorConditionKind.Down => Domain.VendorCondition.Down(latency ?? TimeSpan.Zero),
            Contract.VendorConditionKind.Slow => Domain.VendorCondition.Slow(
                request.Latency is null ? DefaultSlowLatency : Positive(validator, latency)
            ),
            Contract.VendorConditionKind.Throttled => Domain.VendorCondition.Throttled(latency ?? TimeSpan.Zero),
            Contract.VendorConditionKind.Failing when share is >= 1 and <= 100 => Domain.VendorCondition.Failing(
                share,
                latency ?? TimeSpan.Zero
            ),
            Contract.VendorConditionKind.Failing => null,
            _ => Unspecified(validator),
        };
    }

    /// <summary>A slow vendor's latency; an invalid one (null) was already reported.</summary>
    private static TimeSpan Positive(RequestValidator validator, TimeSpan? latency)
    {
        if (latency is null || latency > TimeSpan.Zero)
        {
            return latency ?? DefaultSlowLatency;
        }

        validator.Add("latency", "must be more than 0 for VENDOR_CONDITION_KIND_SLOW");
        return DefaultSlowLatency;
    }

    private static Domain.VendorCondition? Unspecified(RequestValidator validator)
    {
        validator.Add("kind", "is required: HEALTHY, DOWN, SLOW, THROTTLED or FAILING");
        return null;
    }

    /// <summary>A duration field as a span: <paramref name="absent"/> when unset, null when invalid.</summary>
    private static TimeSpan? Span(
        RequestValidator validator,
        string field,
        Google.Protobuf.WellKnownTypes.Duration? value,
        TimeSpan absent
    )
    {
        if (value is null)
        {
            return absent;
        }

        try
        {
            return value.ToTimeSpan();
        }
        catch (Exception ex) when (ex is InvalidOperationException or OverflowException)
        {
            // Not normalized (mixed signs, nanos out of range) or beyond what a TimeSpan holds: bad input, not a bug.
            validator.Add(field, "is not a valid duration");
            return null;
        }
    }
}
