namespace IntegrationHub.Sdk.Connectors;

/// <summary>
/// The SDK's version. Plugins are compatible with a host whose SDK has the same major
/// version as the one they were built against.
/// </summary>
public static class SdkVersion
{
    /// <summary>
    /// The version of the SDK assembly loaded: its major and minor are what plugins are checked against.
    /// </summary>
    public static Version Current { get; } = typeof(SdkVersion).Assembly.GetName().Version ?? new Version(0, 0);

    /// <summary>The SDK assembly's simple name, as plugins reference it.</summary>
    public static string AssemblyName { get; } = typeof(SdkVersion).Assembly.GetName().Name!;
}
