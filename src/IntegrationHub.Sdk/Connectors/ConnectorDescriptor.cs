using System.Reflection;
using IntegrationHub.Sdk.Capabilities;

namespace IntegrationHub.Sdk.Connectors;

/// <summary>What the host knows about one connector plugin class.</summary>
public sealed record ConnectorDescriptor(
    string Name,
    string Version,
    Type ImplementationType,
    Type OptionsType,
    IReadOnlyList<Capability> Capabilities
)
{
    /// <summary>
    /// The descriptor of a class carrying <see cref="ConnectorAttribute"/>, or null for any other type.
    /// </summary>
    public static ConnectorDescriptor? Of(Type type)
    {
        var attribute = type.GetCustomAttribute<ConnectorAttribute>();
        if (attribute is null || type.IsAbstract || !type.IsPublic)
        {
            return null;
        }

        return new ConnectorDescriptor(
            attribute.Name,
            attribute.Version,
            type,
            attribute.OptionsType,
            CapabilityInterfaces.Of(type)
        );
    }
}
