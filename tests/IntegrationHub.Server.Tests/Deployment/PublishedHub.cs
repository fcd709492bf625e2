using System.Diagnostics;
using System.Reflection;
using IntegrationHub.Server.Tests.Hosting;
using IntegrationHub.Testing;

namespace IntegrationHub.Server.Tests.Deployment;

/// <summary>
/// The hub as an operator deploys it: <c>dotnet publish</c> of the host into a folder of its own, started with
/// <c>dotnet &lt;folder&gt;/IntegrationHub.Host.dll</c> in an environment that holds nothing but the variables given,
/// as a service manager or a container starts it.
/// </summary>
internal static class PublishedHub
{
    /// <summary>
    /// Publishes the host into <paramref name="folder"/> from the build this test assembly comes from (its
    /// configuration, no build, no restore): what is proven is the published folder, not a second compile, and it
    /// takes seconds.
    /// </summary>
    public static async Task PublishAsync(string folder)
    {
        var configuration = typeof(PublishedHub).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!;
        var project = Path.Combine(Repository.Root, "src", "IntegrationHub.Host", "IntegrationHub.Host.csproj");
        var publish = await CommandRun.RunAsync(
            Repository.Root,
            new Dictionary<string, string>(),
            TimeSpan.FromMinutes(3),
            "dotnet",
            "publish",
            project,
            "-c",
            configuration.Configuration,
            "--no-build",
            "--no-restore",
            // No MSBuild node or build server left running after the test.
            "--disable-build-servers",
            "-nologo",
            "-o",
            folder
        );
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException(publish.ToString());
        }
    }

    /// <summary>
    /// Starts the hub published in <paramref name="folder"/> from <paramref name="workingDirectory"/>, configured by
    /// the <paramref name="settings"/> as environment variables and nothing else (no command line, no variable of
    /// this process), listening where <see cref="HubProcess"/> chooses.
    /// </summary>
    public static Task<HubProcess> StartAsync(
        string folder,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> settings
    ) =>
        HubProcess.StartAsync(
            (grpc, http) =>
            {
                var info = new ProcessStartInfo(DotnetHost())
                {
                    WorkingDirectory = workingDirectory,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    ArgumentList = { Path.Combine(folder, "IntegrationHub.Host.dll") },
                };
                info.Environment.Clear();
                var endpoints = new Dictionary<string, string?>
                {
                    ["Kestrel:Endpoints:Grpc:Url"] = grpc.ToString(),
                    ["Kestrel:Endpoints:Http:Url"] = http.ToString(),
                };
                foreach (var (key, value) in settings.Concat(endpoints))
                {
                    info.Environment[Variable(key)] = value;
                }

                return info;
            }
        );

    /// <summary>
    /// The environment variable that sets a configuration key: <c>Storage__Provider</c> for <c>Storage:Provider</c>.
    /// </summary>
    public static string Variable(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>The dotnet executable by its full path: the hub's environment has no PATH to find it by.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : (Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(Path.PathSeparator)
                .Select(dir => Path.Combine(dir, "dotnet"))
                .First(File.Exists);
}
