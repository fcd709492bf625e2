namespace IntegrationHub.Sdk.Connectors;

/// <summary>
/// Marks a class as a connector plugin. The host finds it by scanning, binds
/// <see cref="OptionsType"/> from <c>Connectors:&lt;Name&gt;</c>, and serves every capability
/// interface the class implements when configuration chooses it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ConnectorAttribute(string name, Type optionsType) : Attribute
{
    /// <summary>The connector's name, as used in configuration ("Salesforce").</summary>
    public string Name { get; } = name;

    /// <summary>A <see cref="ConnectorOptions"/> subclass bound from <c>Connectors:&lt;Name&gt;</c>.</summary>
    public Type OptionsType { get; } = optionsType;

    /// <summary>The connector's own version, shown in the catalog.</summary>
    public string Version { get; init; } = "1.0.0";
}
