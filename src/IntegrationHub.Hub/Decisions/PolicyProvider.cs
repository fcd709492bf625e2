using IntegrationHub.Hub.Sandbox;
using IntegrationHub.Routing.Policy;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Decisions;

/// <summary>
/// Holds the running routing policy. The file is loaded and validated at start (an invalid file stops the hub,
/// every problem listed with its path) and watched: a valid edit is handed to <see cref="FileChanged"/> to be
/// published as a version, an invalid one is refused and the running policy stays. Which version runs is decided by
/// the published versions (<see cref="Adopt"/>), so every instance sharing a store runs the same one. A swap
/// replaces the whole policy at once: a request in flight finishes under the policy it started with.
/// </summary>
public sealed partial class PolicyProvider : IDisposable
{
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
        FilePath = Path.IsPathRooted(options.Value.PolicyFile)
            ? options.Value.PolicyFile
            : Path.Combine(environment.ContentRootPath, options.Value.PolicyFile);
        _current = AsRunning(PolicyFile.Load(FilePath));
        var directory = Path.GetDirectoryName(FilePath);
        if (directory is not null && Directory.Exists(directory))
        {
            _watcher = new FileSystemWatcher(directory, Path.GetFileName(FilePath))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size,
            };
            _watcher.Changed += (_, _) => Reload();
            _watcher.Created += (_, _) => Reload();
            _watcher.Renamed += (_, _) => Reload();
            _watcher.EnableRaisingEvents = true;
        }
    }

    /// <summary>The policy file's full path.</summary>
    public string FilePath { get; }

    public RoutingPolicy Current => Volatile.Read(ref _current);

    /// <summary>Raised with the file's policy after a valid edit, for it to be published.</summary>
    public event Func<RoutingPolicy, Task>? FileChanged;

    /// <summary>Runs <paramref name="policy"/> unless a newer version already runs; true when it swapped.</summary>
    public bool Adopt(RoutingPolicy policy)
    {
        policy = AsRunning(policy);
        while (true)
        {
            var running = Current;
            if (running.Version >= policy.Version && running.Version != 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _current, policy, running) == running)
            {
                LogAdopted(_logger, policy.Version, policy.Reps.Count, policy.Pools.Count);
                return true;
            }
        }
    }

    /// <summary>Reads the file again and hands a valid policy on; false (nothing changed) when it is invalid.</summary>
    public bool Reload()
    {
        RoutingPolicy next;
        try
        {
            next = PolicyFile.Load(FilePath);
        }
        catch (PolicyValidationException ex)
        {
            LogRejected(_logger, FilePath, string.Join(" | ", ex.Problems));
            return false;
        }

        LogReloaded(_logger, FilePath, next.Reps.Count, next.Pools.Count);
        _ = FileChanged?.Invoke(next);
        return true;
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
        Message = "Routing policy {Path} changed and is valid: {Reps} reps, {Pools} pools; publishing it"
    )]
    private static partial void LogReloaded(ILogger logger, string path, int reps, int pools);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Running routing policy version {Version}: {Reps} reps, {Pools} pools"
    )]
    private static partial void LogAdopted(ILogger logger, long version, int reps, int pools);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Routing policy {Path} changed but is invalid; keeping the running policy. Problems: {Problems}"
    )]
    private static partial void LogRejected(ILogger logger, string path, string problems);
}
