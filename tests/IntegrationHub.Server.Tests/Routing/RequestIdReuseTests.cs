using Grpc.Core;
using IntegrationHub.Connectors.Salesforce.Fake;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Hosting;

namespace IntegrationHub.Server.Tests.Routing;

/// <summary>
/// A request id is an idempotency key: the same request again gets the first decision, and the key reused for a
/// different visitor or lead is refused naming that decision, with nothing routed, stored or sent.
/// </summary>
public sealed class RequestIdReuseTests : IDisposable
{
    private const string UnknownIp = "192.0.2.200";
    private const string OtherIp = "192.0.2.201";

    private readonly SandboxHub _hub = new();

    public void Dispose() => _hub.Dispose();

    [Fact]
    public async Task A_request_id_reused_for_a_different_visitor_is_already_exists_naming_the_first_decision()
    {
        var first = await _hub.RouteAsync(UnknownIp, requestId: "visit-7");
        var vendorCalls = _hub.VendorRequests();

        var error = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () =>
            _hub.RouteAsync(OtherIp, requestId: "visit-7")
        );

        Assert.Contains(first.Id, error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("REQUEST_ID_REUSED", RpcAssert.Info(error)?.Reason);
        Assert.Equal(first.Id, RpcAssert.Info(error)!.Metadata["decision_id"]);
        Assert.Equal(vendorCalls, _hub.VendorRequests()); // the other visitor was not looked up
        Assert.Single((await _hub.Routing.ListDecisionsAsync(new ListDecisionsRequest())).Decisions);
        // The same visitor again is still the first decision, not a refusal.
        Assert.Equal(first.Id, (await _hub.RouteAsync(UnknownIp, requestId: "visit-7")).Id);
    }

    [Fact]
    public async Task A_request_id_reused_for_a_different_lead_is_refused_and_nothing_reaches_the_crm()
    {
        var crm = _hub.Sandbox<SalesforceSandbox>().Fake!;
        var first = await _hub.RouteLeadAsync(
            SandboxHub.Lead("ana@brand-new-startup.io", "Brand New Startup", "DE", "Engineer"),
            "form-77"
        );
        await SandboxHub.EventuallyAsync(
            () => crm.LeadsWithEmail("ana@brand-new-startup.io").Count == 1,
            "the first lead in the CRM"
        );

        var error = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () =>
            _hub.RouteLeadAsync(
                SandboxHub.Lead("ben@brand-new-startup.io", "Brand New Startup", "DE", "Engineer"),
                "form-77"
            )
        );

        Assert.Equal("REQUEST_ID_REUSED", RpcAssert.Info(error)?.Reason);
        Assert.Equal(first.Id, RpcAssert.Info(error)!.Metadata["decision_id"]);
        var again = await _hub.RouteLeadAsync(
            SandboxHub.Lead("ana@brand-new-startup.io", "Brand New Startup", "DE", "Engineer"),
            "form-77"
        );
        Assert.Equal(first.Id, again.Id);
        Assert.Empty(crm.LeadsWithEmail("ben@brand-new-startup.io"));
        Assert.Single((await _hub.Routing.ListDecisionsAsync(new ListDecisionsRequest())).Decisions);
    }
}
