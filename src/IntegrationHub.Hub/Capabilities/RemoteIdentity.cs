namespace IntegrationHub.Hub.Capabilities;

/// <summary>
/// What a remote connector process says it is, from its <c>ConnectorService/Describe</c> answer: learnt after
/// start (the process may come up after the hub), so it starts unknown and is filled in once.
/// </summary>
public sealed class RemoteIdentity
{
    private volatile Description? _description;
    private volatile string? _problem;
    private volatile bool _unimplemented;

    /// <summary>The name it gave, or null until it described itself.</summary>
    public string? Name => _description?.Name;

    /// <summary>The version it gave, or empty.</summary>
    public string Version => _description?.Version ?? "";

    /// <summary>The capabilities it says it serves (keys such as "enrichment").</summary>
    public IReadOnlyList<string> Capabilities => _description?.Capabilities ?? [];

    /// <summary>True once it answered Describe, or is known not to implement it: nothing more to ask.</summary>
    public bool Settled => _description is not null || _unimplemented;

    /// <summary>Why it is named by its address: Describe is not implemented, or was not answered yet.</summary>
    public string? Problem => _problem;

    public void Described(string name, string version, IReadOnlyList<string> capabilities)
    {
        _description = new Description(name, version, capabilities);
        _problem = null;
    }

    /// <summary>It answered UNIMPLEMENTED: it stays named by its address, and is not asked again.</summary>
    public void NotImplemented(string problem)
    {
        _unimplemented = true;
        _problem = problem;
    }

    /// <summary>It could not be asked (not running yet, say): it is asked again later.</summary>
    public void Unanswered(string problem) => _problem = problem;

    private sealed record Description(string Name, string Version, IReadOnlyList<string> Capabilities);
}
