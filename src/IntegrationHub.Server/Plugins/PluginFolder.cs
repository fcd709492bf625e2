using System.Reflection;
using IntegrationHub.Hub.Startup;
using IntegrationHub.Sdk.Connectors;

namespace IntegrationHub.Server.Plugins;

/// <summary>
/// Loads the plugin assemblies of the plugins folder: every <c>*.deps.json</c> names a
/// plugin's main assembly (a plugin's build output copied in as one sub-folder).
/// </summary>
internal static class PluginFolder
{
    public static IReadOnlyList<Assembly> Load(string folder, IReadOnlyList<AllowedPlugin> allowed)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var hostAssemblies = HostAssemblyNames();
        var accepted = new List<string>();
        var problems = new List<string>();
        foreach (
            var depsFile in Directory
                .EnumerateFiles(folder, "*.deps.json", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
        )
        {
            var assemblyPath = depsFile[..^".deps.json".Length] + ".dll";
            if (!File.Exists(assemblyPath))
            {
                continue;
            }

            var name = AssemblyName.GetAssemblyName(assemblyPath);
            if (name.Name is { } simple && hostAssemblies.Contains(simple))
            {
                // Already part of the hub (a copy of a referenced connector): the hub's copy wins.
                continue;
            }

            // Both checked from the file's metadata, before any of the plugin's code is loaded.
            var problem = PluginAllowList.Refusal(name, allowed)
                ?? PluginCompatibility.Check(
                    name.Name ?? assemblyPath,
                    PluginReferences.Read(assemblyPath),
                    SdkVersion.Current
                );
            if (problem is null)
            {
                accepted.Add(assemblyPath);
            }
            else
            {
                problems.Add(problem);
            }
        }

        if (problems.Count > 0)
        {
            throw new HubStartRefusedException(problems);
        }

        var loaded = accepted
            .Select(path => new PluginLoadContext(path, hostAssemblies).LoadFromAssemblyPath(path))
            .ToList();
        return loaded;
    }

    /// <summary>The simple names of the assemblies the hub was deployed with.</summary>
    private static HashSet<string> HostAssemblyNames()
    {
        var tpa = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension);
        return
        [
            .. tpa.OfType<string>(),
            .. System
                .Runtime.Loader.AssemblyLoadContext.Default.Assemblies.Select(a => a.GetName().Name)
                .OfType<string>(),
        ];
    }
}
