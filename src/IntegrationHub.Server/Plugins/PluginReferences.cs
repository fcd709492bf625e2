using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace IntegrationHub.Server.Plugins;

/// <summary>
/// The assemblies a plugin file references, read from its metadata tables without loading it: a plugin
/// built against a newer SDK would fail to load (FileNotFoundException for the SDK version it wants), and
/// a refused plugin's code must never run.
/// </summary>
internal static class PluginReferences
{
    public static IReadOnlyList<AssemblyName> Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return [.. reader.AssemblyReferences.Select(handle => reader.GetAssemblyReference(handle).GetAssemblyName())];
    }
}
