namespace IntegrationHub.Architecture.Tests;

public sealed class LayoutTests
{
    private static readonly string Root = RepositoryRoot.Find();

    [Fact]
    public void The_tree_keeps_every_dependency_rule()
    {
        var graph = ProjectGraph.Load(Root);

        Assert.Empty(LayoutRules.All(graph));
    }

    [Fact]
    public void Every_layer_is_where_the_map_says()
    {
        var graph = ProjectGraph.Load(Root);

        foreach (
            var name in new[]
            {
                LayoutRules.Contracts,
                LayoutRules.Sdk,
                LayoutRules.Routing,
                LayoutRules.Storage,
                LayoutRules.Application,
                LayoutRules.Server,
                LayoutRules.Host,
            }
        )
        {
            Assert.Equal(Path.Combine(Root, "src", name, name + ".csproj"), graph[name].Path);
        }

        Assert.Equal(
            5,
            graph.Projects.Count(p =>
                p.Path.StartsWith(Path.Combine(Root, "connectors"), StringComparison.Ordinal)
                && p.Name.EndsWith(".Fake", StringComparison.Ordinal)
            )
        );
    }

    [Fact]
    public void A_connector_that_references_the_application_is_caught()
    {
        using var tree = new ScratchTree();
        tree.Project("src/IntegrationHub.Sdk/IntegrationHub.Sdk.csproj");
        tree.Project(
            "src/IntegrationHub.Hub/IntegrationHub.Hub.csproj",
            projects: ["../IntegrationHub.Sdk/IntegrationHub.Sdk.csproj"]
        );
        tree.Project(
            "connectors/Acme/Acme/IntegrationHub.Connectors.Acme.csproj",
            projects: ["../../../src/IntegrationHub.Hub/IntegrationHub.Hub.csproj"]
        );

        var problems = LayoutRules.ConnectorsReferenceOnlyTheSdk(ProjectGraph.Load(tree.Root)).ToList();

        Assert.Equal(
            [
                "IntegrationHub.Connectors.Acme references IntegrationHub.Hub; a connector may reference only "
                    + "IntegrationHub.Sdk.",
            ],
            problems
        );
    }

    [Fact]
    public void Grpc_reached_by_the_sdk_through_another_project_is_caught()
    {
        using var tree = new ScratchTree();
        tree.Project(
            "src/IntegrationHub.Contracts/IntegrationHub.Contracts.csproj",
            packages: ["Grpc.Core.Api", "Google.Protobuf"]
        );
        tree.Project(
            "src/IntegrationHub.Sdk/IntegrationHub.Sdk.csproj",
            projects: ["../IntegrationHub.Contracts/IntegrationHub.Contracts.csproj"]
        );

        var problems = LayoutRules.SdkHasNoGrpc(ProjectGraph.Load(tree.Root)).ToList();

        Assert.Contains(
            "IntegrationHub.Sdk reaches Grpc.Core.Api (through IntegrationHub.Contracts); the SDK must not carry gRPC.",
            problems
        );
        Assert.Contains("IntegrationHub.Sdk references IntegrationHub.Contracts.", problems);
    }

    [Fact]
    public void Aspnet_in_the_application_or_a_fake_in_the_edge_is_caught()
    {
        using var tree = new ScratchTree();
        tree.Project("src/IntegrationHub.Sdk/IntegrationHub.Sdk.csproj");
        tree.Project("src/IntegrationHub.Routing/IntegrationHub.Routing.csproj");
        tree.Project("src/IntegrationHub.Storage/IntegrationHub.Storage.csproj");
        tree.Project(
            "src/IntegrationHub.Hub/IntegrationHub.Hub.csproj",
            packages: ["Microsoft.AspNetCore.Http.Abstractions"]
        );
        tree.Project("connectors/Acme/Acme.Fake/IntegrationHub.Connectors.Acme.Fake.csproj");
        tree.Project(
            "src/IntegrationHub.Server/IntegrationHub.Server.csproj",
            projects: ["../../connectors/Acme/Acme.Fake/IntegrationHub.Connectors.Acme.Fake.csproj"],
            web: true
        );

        var graph = ProjectGraph.Load(tree.Root);

        Assert.Equal(
            ["IntegrationHub.Hub reaches Microsoft.AspNetCore.Http.Abstractions (through IntegrationHub.Hub)."],
            LayoutRules.CoreHasNoWeb(graph)
        );
        Assert.Equal(
            [
                "IntegrationHub.Server references IntegrationHub.Connectors.Acme.Fake; only IntegrationHub.Host "
                    + "lists the bundled connectors.",
            ],
            LayoutRules.OnlyTheHostListsConnectors(graph)
        );
    }
}
