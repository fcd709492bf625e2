namespace IntegrationHub.Architecture.Tests;

/// <summary>
/// The layout's dependency rules (src/README.md), each a function from the project graph to the
/// violations it finds, so a test can prove a rule catches a violation as well as that the tree
/// has none.
/// </summary>
public static class LayoutRules
{
    public const string Contracts = "IntegrationHub.Contracts";
    public const string Sdk = "IntegrationHub.Sdk";
    public const string Routing = "IntegrationHub.Routing";
    public const string Storage = "IntegrationHub.Storage";
    public const string Application = "IntegrationHub.Hub";
    public const string Server = "IntegrationHub.Server";
    public const string Host = "IntegrationHub.Host";
    public const string Cli = "IntegrationHub.Cli";

    private static bool IsConnectorOrFake(ProjectNode n) =>
        n.Name.StartsWith("IntegrationHub.Connectors.", StringComparison.Ordinal)
        && !n.Name.EndsWith(".Tests", StringComparison.Ordinal);

    private static bool IsConnectorPlugin(ProjectNode n) =>
        IsConnectorOrFake(n) && !n.Name.EndsWith(".Fake", StringComparison.Ordinal);

    private static bool IsAspNet(string package) =>
        package.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
        || package.StartsWith("Grpc.AspNetCore", StringComparison.Ordinal);

    private static bool IsGrpc(string package) =>
        package.StartsWith("Grpc.", StringComparison.Ordinal)
        || package.StartsWith("Google.Protobuf", StringComparison.Ordinal);

    /// <summary>A connector plugin references the SDK and nothing else of the hub's.</summary>
    public static IEnumerable<string> ConnectorsReferenceOnlyTheSdk(ProjectGraph graph) =>
        from connector in graph.Projects.Where(IsConnectorPlugin)
        from reached in graph.Reaches(connector)
        where reached.Name != Sdk
        select $"{connector.Name} references {reached.Name}; a connector may reference only {Sdk}.";

    /// <summary>The SDK (and what every plugin therefore gets) carries no gRPC and no generated contracts.</summary>
    public static IEnumerable<string> SdkHasNoGrpc(ProjectGraph graph)
    {
        var sdk = graph[Sdk];
        return graph
            .PackagesReached(sdk)
            .Where(p => IsGrpc(p.Package))
            .Select(p => $"{Sdk} reaches {p.Package} (through {p.By.Name}); the SDK must not carry gRPC.")
            .Concat(graph.Reaches(sdk).Where(n => n.Name == Contracts).Select(_ => $"{Sdk} references {Contracts}."));
    }

    /// <summary>The engine, storage and the application know nothing of ASP.NET, gRPC's server or the edge.</summary>
    public static IEnumerable<string> CoreHasNoWeb(ProjectGraph graph) =>
        from name in new[] { Routing, Storage, Application }
        let project = graph[name]
        from problem in graph
            .PackagesReached(project)
            .Where(p => IsAspNet(p.Package))
            .Select(p => $"{name} reaches {p.Package} (through {p.By.Name}).")
            .Concat(
                graph
                    .Reaches(project)
                    .Prepend(project)
                    .Where(n => n.IsWeb)
                    .Select(n => $"{name} reaches the web project {n.Name}.")
            )
            .Concat(
                graph
                    .Reaches(project)
                    .Where(n => n.Name is Server or Host or Contracts)
                    .Select(n => $"{name} references {n.Name}.")
            )
        select problem;

    /// <summary>Only the host lists connectors and fakes; the edge and the application find them by scanning.</summary>
    public static IEnumerable<string> OnlyTheHostListsConnectors(ProjectGraph graph) =>
        from name in new[] { Server, Application, Routing, Storage }
        from reached in graph.Reaches(graph[name]).Where(IsConnectorOrFake)
        select $"{name} references {reached.Name}; only {Host} lists the bundled connectors.";

    /// <summary>hubctl is a client of the hub's contracts; it never carries the hub itself.</summary>
    public static IEnumerable<string> CliIsOnlyAClient(ProjectGraph graph) =>
        from reached in graph.Reaches(graph[Cli])
        where reached.Name is Server or Host or Application or Storage || IsConnectorOrFake(reached)
        select $"{Cli} references {reached.Name}; hubctl speaks to the hub through {Contracts} only.";

    public static IEnumerable<string> All(ProjectGraph graph) =>
        ConnectorsReferenceOnlyTheSdk(graph)
            .Concat(SdkHasNoGrpc(graph))
            .Concat(CoreHasNoWeb(graph))
            .Concat(OnlyTheHostListsConnectors(graph))
            .Concat(CliIsOnlyAClient(graph));
}
