namespace IntegrationHub.Hub.Startup;

/// <summary>
/// The hub refuses to start with this configuration; each problem says which key or plugin and why, in
/// words an operator acts on. Not a bug: the process prints one line per problem, not a stack trace.
/// </summary>
public sealed class HubStartRefusedException : InvalidOperationException
{
    public HubStartRefusedException(string message)
        : this([message]) { }

    /// <param name="problems">Every problem found, so an operator fixes them in one round, not one per restart.</param>
    public HubStartRefusedException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    /// <summary>One sentence per problem.</summary>
    public IReadOnlyList<string> Problems { get; }
}
