using IntegrationHub.Testing;

namespace IntegrationHub.Partner.Tests;

/// <summary>
/// A partner's machine in a temporary folder outside the repository: the folder feed of packed packages (the one
/// test.sh packed, named by INTEGRATIONHUB_PACKAGES, or packed here with pack.sh), a package cache of its own so
/// nothing restored elsewhere leaks in, and a private template hive with the template pack installed from the feed.
/// </summary>
public sealed class PartnerWorkspace : IAsyncLifetime
{
    /// <summary>Generous: restores from nuget.org and builds on two cores shared with other work.</summary>
    public static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(10);

    /// <summary>The temporary folder everything lives in.</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("hub-partner-").FullName;

    /// <summary>The folder feed holding the IntegrationHub.* packages and the template pack.</summary>
    public string Feed { get; private set; } = "";

    /// <summary>The template engine's settings folder (dotnet new --debug:custom-hive).</summary>
    public string Hive => Path.Combine(Root, "hive");

    /// <summary>Variables every partner command runs with: the workspace's own package cache.</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(Root, "nuget-packages"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };

    /// <summary>Runs a command in <paramref name="directory"/> as the partner would.</summary>
    public Task<CommandRun> RunAsync(string directory, string file, params string[] arguments) =>
        CommandRun.RunAsync(directory, Environment, CommandLimit, file, arguments);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Feed = System.Environment.GetEnvironmentVariable("INTEGRATIONHUB_PACKAGES") is { Length: > 0 } packed
            ? packed
            : await PackAsync();
        var templatePack = Directory.EnumerateFiles(Feed, "IntegrationHub.Templates.*.nupkg").Single();
        var install = await RunAsync(Root, "dotnet", "new", "install", templatePack, "--debug:custom-hive", Hive);
        Assert.True(install.ExitCode == 0, install.ToString());
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<string> PackAsync()
    {
        var feed = Path.Combine(Root, "feed");
        var pack = await RunAsync(RepositoryRoot(), "bash", "pack.sh", feed);
        Assert.True(pack.ExitCode == 0, pack.ToString());
        return feed;
    }

    /// <summary>The checkout these tests run from (where pack.sh is).</summary>
    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "pack.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No pack.sh above {AppContext.BaseDirectory}.");
    }
}
