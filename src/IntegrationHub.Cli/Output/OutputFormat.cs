namespace IntegrationHub.Cli.Output;

/// <summary>How a command prints its result: <c>--output table|json|yaml</c> (<c>-o</c>), on every command.</summary>
public enum OutputFormat
{
    /// <summary>Tables and sentences for a person (the default).</summary>
    Table,

    /// <summary>The hub's answer in the proto JSON mapping, for scripts.</summary>
    Json,

    /// <summary>The same tree as JSON, written as YAML.</summary>
    Yaml,
}
