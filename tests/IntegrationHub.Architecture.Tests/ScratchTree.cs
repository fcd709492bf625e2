namespace IntegrationHub.Architecture.Tests;

/// <summary>A throw-away tree of project files, to show a rule catching what it forbids.</summary>
internal sealed class ScratchTree : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("hub-arch-").FullName;

    public void Project(string path, string[]? packages = null, string[]? projects = null, bool web = false)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var items = (packages ?? [])
            .Select(p => $"""    <PackageReference Include="{p}" />""")
            .Concat((projects ?? []).Select(p => $"""    <ProjectReference Include="{p}" />"""));
        File.WriteAllText(
            full,
            $"""
            <Project Sdk="{(web ? "Microsoft.NET.Sdk.Web" : "Microsoft.NET.Sdk")}">
              <ItemGroup>
            {string.Join(Environment.NewLine, items)}
              </ItemGroup>
            </Project>
            """
        );
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
