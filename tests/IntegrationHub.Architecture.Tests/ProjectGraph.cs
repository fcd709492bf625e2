using System.Xml.Linq;

namespace IntegrationHub.Architecture.Tests;

/// <summary>One project file as MSBuild would read its references: project, package and framework.</summary>
public sealed record ProjectNode(
    string Path,
    string Name,
    bool IsWeb,
    IReadOnlyList<string> Packages,
    IReadOnlyList<string> ProjectPaths
);

/// <summary>
/// The project files of a tree and what each reaches through its project references (what
/// flows to it at build time), so a rule can say "X never reaches Y" however many steps away.
/// </summary>
public sealed class ProjectGraph
{
    private readonly Dictionary<string, ProjectNode> _byPath;

    private ProjectGraph(Dictionary<string, ProjectNode> byPath) => _byPath = byPath;

    public IEnumerable<ProjectNode> Projects => _byPath.Values;

    public static ProjectGraph Load(string root)
    {
        var nodes = Directory
            .EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Split(System.IO.Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj"))
            .Select(Read)
            .ToDictionary(n => n.Path, StringComparer.Ordinal);
        return new ProjectGraph(nodes);
    }

    public ProjectNode this[string name] =>
        _byPath.Values.SingleOrDefault(n => n.Name == name)
        ?? throw new KeyNotFoundException($"No project named {name}.");

    /// <summary>Every project <paramref name="project"/> reaches through project references, itself excluded.</summary>
    public IReadOnlyList<ProjectNode> Reaches(ProjectNode project)
    {
        var seen = new Dictionary<string, ProjectNode>(StringComparer.Ordinal);
        var pending = new Stack<string>(project.ProjectPaths);
        while (pending.TryPop(out var path))
        {
            if (seen.ContainsKey(path) || !_byPath.TryGetValue(path, out var node))
            {
                continue;
            }

            seen[path] = node;
            foreach (var next in node.ProjectPaths)
            {
                pending.Push(next);
            }
        }

        return [.. seen.Values];
    }

    /// <summary>
    /// The packages a project and everything it reaches reference, each with the project that names it.
    /// </summary>
    public IEnumerable<(string Package, ProjectNode By)> PackagesReached(ProjectNode project) =>
        Reaches(project).Prepend(project).SelectMany(n => n.Packages.Select(p => (p, n)));

    private static ProjectNode Read(string path)
    {
        var xml = XDocument.Load(path);
        var dir = System.IO.Path.GetDirectoryName(path)!;
        var items = xml.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "FrameworkReference");
        var packages = items
            .Where(e => e.Name.LocalName is "PackageReference" or "FrameworkReference")
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>()
            .ToList();
        var projects = items
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>()
            .Select(p => System.IO.Path.GetFullPath(System.IO.Path.Combine(dir, p.Replace('\\', '/'))))
            .ToList();
        var sdk = (string?)xml.Root?.Attribute("Sdk") ?? "";
        return new ProjectNode(
            path,
            System.IO.Path.GetFileNameWithoutExtension(path),
            sdk.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.Ordinal),
            packages,
            projects
        );
    }
}
