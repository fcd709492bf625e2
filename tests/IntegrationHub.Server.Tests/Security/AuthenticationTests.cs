using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using IntegrationHub.Connectors.Salesforce.Fake;
using IntegrationHub.Contracts.Admin.V1;
using IntegrationHub.Contracts.Crm.V1;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Security;
using IntegrationHub.Server.Tests.Hosting;
using IntegrationHub.Server.Tests.Routing;
using IntegrationHub.Testing;

namespace IntegrationHub.Server.Tests.Security;

/// <summary>
/// Who may call what, on the sandbox hub: no credentials, a bad key, a key without the scope,
/// keys issued and revoked over ApiKeyService. A refused call writes nothing and reaches no vendor.
/// </summary>
public sealed class AuthenticationTests : IDisposable
{
    private readonly SandboxHub _hub = new(new() { ["Auth:DevelopmentKey"] = "sandbox-dev-key" });

    public void Dispose() => _hub.Dispose();

    private SalesforceFake Crm => _hub.Sandbox<SalesforceSandbox>().Fake!;

    public static TheoryData<string?> Refused =>
        new() { null, "not-a-key", "ihk_0123456789abcdef_forged-secret-of-the-right-shape" };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_call_without_valid_credentials_is_unauthenticated_and_changes_nothing(string? key)
    {
        var routing = new RoutingService.RoutingServiceClient(Channel(key));
        Crm.ResetLog();

        var error = await RpcAssert.FailsWith(StatusCode.Unauthenticated, () =>
            routing
                .RouteLeadAsync(
                    new RouteLeadRequest
                    {
                        RequestId = "r-1",
                        Lead = SandboxHub.Lead("ana@brand-new-startup.io", "Brand New Startup", "DE"),
                    }
                )
                .ResponseAsync
        );

        Assert.Equal("UNAUTHENTICATED", RpcAssert.Info(error)?.Reason);
        Assert.Empty((await _hub.Routing.ListDecisionsAsync(new ListDecisionsRequest())).Decisions);
        Assert.Empty(Crm.Requests);
    }

    [Fact]
    public async Task A_key_without_the_scope_is_refused_permission_and_changes_nothing()
    {
        var crmReader = await IssueAsync("crm-reader", Scopes.CrmRead);
        var crm = new CrmService.CrmServiceClient(Channel(crmReader));

        Assert.Equal(
            "Acme Corp",
            (await crm.GetAccountAsync(new GetAccountRequest { Domain = "acme.com" })).Account.Name
        );
        var write = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () =>
            crm.UpsertLeadAsync(new UpsertLeadRequest { ExternalId = "x-1" }).ResponseAsync
        );
        var route = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () =>
            new RoutingService.RoutingServiceClient(Channel(crmReader))
                .RouteVisitorAsync(
                    new RouteVisitorRequest
                    {
                        RequestId = "v-1",
                        IpAddress = "203.0.113.5",
                        PageUrl = "https://www.example.com/",
                    }
                )
                .ResponseAsync
        );

        Assert.Equal("MISSING_SCOPE", RpcAssert.Info(write)?.Reason);
        Assert.Contains(Scopes.CrmWrite, write.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(Scopes.Routing, route.Status.Detail, StringComparison.Ordinal);
        Assert.Empty((await _hub.Routing.ListDecisionsAsync(new ListDecisionsRequest())).Decisions);
    }

    [Fact]
    public async Task An_issued_key_works_with_its_scopes_until_it_is_revoked()
    {
        var admin = new ApiKeyService.ApiKeyServiceClient(_hub.Channel);
        var issued = await admin.IssueApiKeyAsync(
            new IssueApiKeyRequest { Name = "chat-frontend", Scopes = { Scopes.Routing } }
        );
        var routing = new RoutingService.RoutingServiceClient(Channel(issued.Secret));

        Assert.StartsWith("ihk_" + issued.ApiKey.Id + "_", issued.Secret, StringComparison.Ordinal);
        Assert.NotNull(
            (
                await routing.RouteVisitorAsync(
                    new RouteVisitorRequest
                    {
                        RequestId = "v-1",
                        IpAddress = "203.0.113.5",
                        PageUrl = "https://www.example.com/",
                    }
                )
            ).Decision
        );
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () =>
            new ApiKeyService.ApiKeyServiceClient(Channel(issued.Secret))
                .ListApiKeysAsync(new ListApiKeysRequest())
                .ResponseAsync
        );

        var revoked = (await admin.RevokeApiKeyAsync(new RevokeApiKeyRequest { Id = issued.ApiKey.Id })).ApiKey;

        Assert.NotNull(revoked.RevokeTime);
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => routing
                .RouteVisitorAsync(
                    new RouteVisitorRequest
                    {
                        RequestId = "v-2",
                        IpAddress = "203.0.113.5",
                        PageUrl = "https://www.example.com/",
                    }
                )
                .ResponseAsync);
        var listed = Assert.Single((await admin.ListApiKeysAsync(new ListApiKeysRequest())).ApiKeys);
        Assert.Equal("chat-frontend", listed.Name);
        Assert.DoesNotContain(issued.Secret, listed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issuing_a_key_with_bad_fields_lists_each_problem_and_unknown_ids_are_not_found()
    {
        var admin = new ApiKeyService.ApiKeyServiceClient(_hub.Channel);

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            admin
                .IssueApiKeyAsync(new IssueApiKeyRequest { Name = "", Scopes = { Scopes.Routing, "superuser" } })
                .ResponseAsync
        );
        await RpcAssert.FailsWith(StatusCode.NotFound, () =>
            admin.RevokeApiKeyAsync(new RevokeApiKeyRequest { Id = "0123456789abcdef" }).ResponseAsync
        );

        Assert.Equal(["name", "scopes[1]"], RpcAssert.ViolatedFields(error).Order(StringComparer.Ordinal));
        Assert.Empty((await admin.ListApiKeysAsync(new ListApiKeysRequest())).ApiKeys);
    }

    [Fact]
    public async Task Health_answers_anyone_and_reflection_needs_a_caller()
    {
        var anonymous = Channel(null);

        Assert.Equal(
            HealthCheckResponse.Types.ServingStatus.Serving,
            (await new Grpc.Health.V1.Health.HealthClient(anonymous).CheckAsync(new HealthCheckRequest())).Status
        );
        using var reflection = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(
            anonymous
        ).ServerReflectionInfo();
        // The hub refuses before reading the request, so the refusal can surface on the write or on the read.
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await reflection.RequestStream.WriteAsync(
                new Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" }
            );
            await reflection.ResponseStream.MoveNext(CancellationToken.None);
        });
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task The_sandbox_development_key_holds_every_scope()
    {
        var channel = Channel("sandbox-dev-key");

        Assert.NotEmpty(
            (
                await new ConnectorCatalogService.ConnectorCatalogServiceClient(channel).ListConnectorsAsync(
                    new ListConnectorsRequest()
                )
            ).Connectors
        );
        Assert.NotNull(
            (
                await new RoutingService.RoutingServiceClient(channel).RouteVisitorAsync(
                    new RouteVisitorRequest
                    {
                        RequestId = "v-1",
                        IpAddress = "203.0.113.5",
                        PageUrl = "https://www.example.com/",
                    }
                )
            ).Decision
        );
    }

    private GrpcChannel Channel(string? key) => _hub.CreateChannel(key);

    private async Task<string> IssueAsync(string name, params string[] scopes) =>
        (
            await new ApiKeyService.ApiKeyServiceClient(_hub.Channel).IssueApiKeyAsync(
                new IssueApiKeyRequest { Name = name, Scopes = { scopes } }
            )
        ).Secret;
}
