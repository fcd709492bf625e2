using IntegrationHub.Hub.Sandbox;
using IntegrationHub.Routing.Policy;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Decisions;

/// <summary>
/// Holds the routing policy: loaded and validated at start (an invalid file stops the hub, every
/// problem listed with its path), reloaded when the file changes. A reload swaps the whole policy
/// at once, so a request in flight finishes under the policy it started with; an invalid edit is
/// refused and the running policy stays.
/// </summary>
public sealed partial class PolicyProvider : IDisposable
{
    private readonly string _path;
    private readonly ILogger<PolicyProvider> _logger;
    private readonly FileSystemWatcher? _watcher;
    private readonly bool _demoHours;
    private RoutingPolicy _current;

    public PolicyProvider(
        IOptions<RoutingOptions> options,
        IHostEnvironment environment,
        ILogger<PolicyProvider> logger,
        SandboxDemoHours? demoHours = null
    )
    {
        _logger = logger;
        _demoHours = demoHours is not null;
        _path = Path.IsPathRooted(options.Value.PolicyFile)
            ? options.Value.PolicyFile
            : Path.Combine(environment.ContentRootPath, options.Value.PolicyFile);
        _current = AsRunning(PolicyFile.Load(_path));
        var directory = Path.GetDirectoryName(_path);
        if (directory is not null && Directory.Exists(directory))
        {
            _watcher = new FileSystemWatcher(directory, Path.GetFileName(_path))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size,
            };
            _watcher.Changed += (_, _) => Reload();
            _watcher.Created += (_, _) => Reload();
            _watcher.Renamed += (_, _) => Reload();
            _watcher.EnableRaisingEvents = true;
        }
    }

    public RoutingPolicy Current => Volatile.Read(ref _current);

    /// <summary>Loads the file again; false (and the old policy kept) when it is invalid.</summary>
    public bool Reload()
    {
        try
        {
            var next = AsRunning(PolicyFile.Load(_path));
            Volatile.Write(ref _current, next);
            LogReloaded(_logger, _path, next.Reps.Count, next.Pools.Count);
            return true;
        }
        catch (PolicyValidationException ex)
        {
            LogRejected(_logger, _path, string.Join(" | ", ex.Problems));
            return false;
        }
    }

    /// <summary>
    /// A candidate policy's JSON, validated as a file (<see cref="PolicyValidationException"/> naming
    /// <paramref name="source"/>), under the hub's own settings such as sandbox demo hours: a preview or simulation
    /// then differs from the running policy only by what the candidate changes.
    /// </summary>
    public RoutingPolicy ParseCandidate(string json, string source) => AsRunning(PolicyFile.Parse(json, source));

    public void Dispose() => _watcher?.Dispose();

    private RoutingPolicy AsRunning(RoutingPolicy policy) => policy with { DemoHours = _demoHours };

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Routing policy {Path} reloaded: {Reps} reps, {Pools} pools"
    )]
    private static partial void LogReloaded(ILogger logger, string path, int reps, int pools);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Routing policy {Path} changed but is invalid; keeping the running policy. Problems: {Problems}"
    )]
    private static partial void LogRejected(ILogger logger, string path, string problems);
}
