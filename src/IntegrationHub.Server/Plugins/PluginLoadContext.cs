using System.Reflection;
using System.Runtime.Loader;

namespace IntegrationHub.Server.Plugins;

/// <summary>
/// Loads one plugin and its private dependencies in isolation, while sharing every assembly
/// the hub itself ships (the SDK above all): were the SDK loaded twice, the plugin's
/// <c>ICrmConnector</c> would be a different type from the hub's and scanning would silently
/// match nothing.
/// </summary>
internal sealed class PluginLoadContext(string pluginAssemblyPath, IReadOnlySet<string> hostAssemblies)
    : AssemblyLoadContext(System.IO.Path.GetFileNameWithoutExtension(pluginAssemblyPath))
{
    private readonly AssemblyDependencyResolver _resolver = new(pluginAssemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is { } name && hostAssemblies.Contains(name))
        {
            return null;
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
