using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace IntegrationHub.Server.Tests.Hosting;

/// <summary>
/// The external plugin's build output, copied into a fresh plugins folder as a partner would drop it.
/// </summary>
public static class PluginBuilds
{
    public const string ExternalPluginName = "IntegrationHub.ExternalPlugin";

    public static string ExternalPluginOutput()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory); // tests/X/bin/<config>/<tfm>/
        var tfm = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var testsFolder = testBin.Parent!.Parent!.Parent!.Parent!.FullName;
        var output = Path.Combine(testsFolder, ExternalPluginName, "bin", configuration, tfm);
        if (!File.Exists(Path.Combine(output, ExternalPluginName + ".dll")))
        {
            throw new InvalidOperationException($"The external plugin was not built at {output}.");
        }

        return output;
    }

    /// <summary>A new plugins folder holding a copy of the external plugin's build in its own sub-folder.</summary>
    public static string NewPluginsFolder()
    {
        var root = Directory.CreateTempSubdirectory("hub-plugins-").FullName;
        var target = Path.Combine(root, "EchoMarketing");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(ExternalPluginOutput()))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return root;
    }

    /// <summary>
    /// Rewrites the plugin's reference to the SDK so it claims another version, as a plugin built
    /// against another SDK would: the AssemblyRef row starts with MajorVersion and MinorVersion (two bytes each).
    /// </summary>
    public static void ClaimSdkVersion(string pluginsFolder, ushort major, ushort minor = 0)
    {
        var path = Path.Combine(pluginsFolder, "EchoMarketing", ExternalPluginName + ".dll");
        var bytes = File.ReadAllBytes(path);
        int offset;
        using (var pe = new PEReader(new MemoryStream(bytes)))
        {
            var reader = pe.GetMetadataReader();
            var metadataStart = pe.PEHeaders.MetadataStartOffset;
            var rowSize = reader.GetTableRowSize(TableIndex.AssemblyRef);
            var tableStart = reader.GetTableMetadataOffset(TableIndex.AssemblyRef);
            var row = reader
                .AssemblyReferences.Select(
                    (handle, index) => (Name: reader.GetString(reader.GetAssemblyReference(handle).Name), Index: index)
                )
                .Single(r => r.Name == "IntegrationHub.Sdk")
                .Index;
            offset = metadataStart + tableStart + (row * rowSize);
        }

        BitConverter.GetBytes(major).CopyTo(bytes, offset);
        BitConverter.GetBytes(minor).CopyTo(bytes, offset + 2);
        File.WriteAllBytes(path, bytes);
    }
}
