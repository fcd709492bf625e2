namespace IntegrationHub.Partner.Tests;

/// <summary>
/// The commands of connectors/README.md's partner section ("Writing a connector outside this repository"), read from
/// the README itself so the guide and what CI runs cannot drift apart: every <c>```bash</c> block of the section, in
/// order, with its placeholder folders swapped for the test's.
/// </summary>
public static class PartnerGuide
{
    /// <summary>The folder of packages the guide's commands name.</summary>
    public const string PackagesPlaceholder = "/path/to/integrationhub-packages";

    /// <summary>The hub's plugins folder the guide's commands name.</summary>
    public const string PluginsPlaceholder = "/path/to/hub/plugins";

    /// <summary>
    /// The one command run on the hub's checkout, not the partner's machine: test.sh runs it (or
    /// <see cref="PartnerWorkspace"/> does) to make the feed every other command uses.
    /// </summary>
    public const string PackCommand = "bash pack.sh " + PackagesPlaceholder;

    private const string Section = "## Writing a connector outside this repository";

    /// <summary>Every command line of the section's bash blocks, in order, comments and blank lines left out.</summary>
    public static IReadOnlyList<string> Commands()
    {
        var lines = File.ReadAllLines(Path.Combine(PartnerWorkspace.RepositoryRoot(), "connectors", "README.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith(Section, StringComparison.Ordinal));
        Assert.True(start >= 0, $"connectors/README.md has no section '{Section}'.");
        var commands = new List<string>();
        var inBash = false;
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBash = !inBash && line.Trim() == "```bash";
            }
            else if (inBash && line.Trim() is { Length: > 0 } command && !command.StartsWith('#'))
            {
                commands.Add(command);
            }
        }

        return commands;
    }

    /// <summary>
    /// The section's commands as one bash script a partner would type, but for the pack command (run before, see
    /// <see cref="PackCommand"/>): the placeholders are the test's folders, each <c>dotnet new</c> uses the test's
    /// private template hive, and <c>--capability enrichment</c> may be swapped for another capability.
    /// </summary>
    public static string Script(string feed, string plugins, string hive, string capability = "enrichment")
    {
        var commands = Commands();
        Assert.Contains(PackCommand, commands);
        return string.Join(
            '\n',
            commands
                .Where(c => c != PackCommand)
                .Select(c => c.Replace(PackagesPlaceholder, Quote(feed), StringComparison.Ordinal))
                .Select(c => c.Replace(PluginsPlaceholder, Quote(plugins), StringComparison.Ordinal))
                .Select(c =>
                    c.Replace("--capability enrichment", $"--capability {capability}", StringComparison.Ordinal)
                )
                .Select(c =>
                    c.StartsWith("dotnet new ", StringComparison.Ordinal) ? $"{c} --debug:custom-hive {Quote(hive)}" : c
                )
                .Prepend("set -euxo pipefail")
        );
    }

    private static string Quote(string path) => $"'{path.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
