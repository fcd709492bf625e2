using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IntegrationHub.Contracts.Admin.V1;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Hosting;
using IntegrationHub.Server.Tests.Routing;

namespace IntegrationHub.Server.Tests.Sandbox;

/// <summary>
/// What the sandbox RPC refuses: bad requests (every problem named, nothing changed), callers without the admin
/// scope, and any connector that runs against its real vendor.
/// </summary>
public sealed class SandboxServiceRequestTests(SandboxServiceRequestTests.Hub hub)
    : IClassFixture<SandboxServiceRequestTests.Hub>
{
    public sealed class Hub : IDisposable
    {
        public SandboxHub Sandbox { get; } = new();

        public void Dispose() => Sandbox.Dispose();
    }

    private SandboxService.SandboxServiceClient Client => new(hub.Sandbox.Channel);

    private static Duration Seconds(double s) => Duration.FromTimeSpan(TimeSpan.FromSeconds(s));

    public static TheoryData<string, SetVendorConditionRequest> BadRequests =>
        new()
        {
            {
                "connector",
                new() { Connector = "Hubspot", Kind = VendorConditionKind.Down }
            },
            {
                "connector",
                new() { Kind = VendorConditionKind.Down }
            },
            {
                "kind",
                new() { Connector = "Salesforce" }
            },
            {
                "failure_share_percent",
                new() { Connector = "Salesforce", Kind = VendorConditionKind.Failing }
            },
            {
                "failure_share_percent",
                new()
                {
                    Connector = "Salesforce",
                    Kind = VendorConditionKind.Failing,
                    FailureSharePercent = 101,
                }
            },
            {
                "failure_share_percent",
                new()
                {
                    Connector = "Salesforce",
                    Kind = VendorConditionKind.Down,
                    FailureSharePercent = 30,
                }
            },
            {
                "duration",
                new()
                {
                    Connector = "Salesforce",
                    Kind = VendorConditionKind.Down,
                    Duration = Seconds(0),
                }
            },
            {
                "duration",
                new()
                {
                    Connector = "Salesforce",
                    Kind = VendorConditionKind.Down,
                    Duration = Seconds(-60),
                }
            },
            {
                "duration",
                new()
                {
                    Connector = "Salesforce",
                    Kind = VendorConditionKind.Down,
                    Duration = Seconds(25 * 3600),
                }
            },
            {
                "duration",
                new()
                {
                    Connector = "Salesforce",
                    Kind = VendorConditionKind.Down,
                    Duration = new Duration { Seconds = 5, Nanos = -1 },
                }
            },
            {
                "latency",
                new()
                {
                    Connector = "Salesforce",
                    Kind = VendorConditionKind.Slow,
                    Latency = Seconds(-2),
                }
            },
            {
                "latency",
                new()
                {
                    Connector = "Salesforce",
                    Kind = VendorConditionKind.Slow,
                    Latency = Seconds(0),
                }
            },
            {
                "latency",
                new()
                {
                    Connector = "Salesforce",
                    Kind = VendorConditionKind.Down,
                    Latency = Seconds(61),
                }
            },
        };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_is_invalid_argument_naming_the_field_and_changes_nothing(
        string field,
        SetVendorConditionRequest request
    )
    {
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.SetVendorConditionAsync(request).ResponseAsync
        );

        Assert.Equal([field], RpcAssert.ViolatedFields(error));
        var conditions = await Client.ListVendorConditionsAsync(new ListVendorConditionsRequest());
        Assert.All(conditions.Conditions, c => Assert.Equal(VendorConditionKind.Healthy, c.Kind));
    }

    [Fact]
    public async Task Every_problem_of_a_request_is_named_at_once()
    {
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => Client
                .SetVendorConditionAsync(
                    new SetVendorConditionRequest
                    {
                        Connector = "Hubspot",
                        Kind = VendorConditionKind.Failing,
                        Duration = Seconds(0),
                    }
                )
                .ResponseAsync);

        Assert.Equal(
            ["connector", "duration", "failure_share_percent"],
            RpcAssert.ViolatedFields(error).Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public async Task A_caller_without_the_admin_scope_is_refused()
    {
        var issued = await new ApiKeyService.ApiKeyServiceClient(hub.Sandbox.Channel).IssueApiKeyAsync(
            new IssueApiKeyRequest { Name = "dashboard", Scopes = { IntegrationHub.Server.Security.Scopes.Routing } }
        );
        var client = new SandboxService.SandboxServiceClient(hub.Sandbox.CreateChannel(issued.Secret));

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () =>
            client
                .SetVendorConditionAsync(
                    new SetVendorConditionRequest { Connector = "Salesforce", Kind = VendorConditionKind.Down }
                )
                .ResponseAsync
        );
    }

    [Fact]
    public async Task A_connector_on_its_real_vendor_is_refused_and_none_is_listed()
    {
        using var real = new HubFactory(HubFactory.MemorySettings());
        var client = new SandboxService.SandboxServiceClient(real.CreateChannel());

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            client
                .SetVendorConditionAsync(
                    new SetVendorConditionRequest { Connector = MemoryConnector.Name, Kind = VendorConditionKind.Down }
                )
                .ResponseAsync
        );

        Assert.Contains($"'{MemoryConnector.Name}'", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("real vendor", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("NOT_IN_SANDBOX", RpcAssert.Info(error)?.Reason);
        Assert.Empty((await client.ListVendorConditionsAsync(new ListVendorConditionsRequest())).Conditions);
    }
}
