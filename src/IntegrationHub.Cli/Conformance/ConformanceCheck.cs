namespace IntegrationHub.Cli.Conformance;

/// <summary>One check of a remote connector: its name, and what it does, answering why it failed or null.</summary>
internal sealed record ConformanceCheck(string Name, Func<CancellationToken, Task<string?>> RunAsync);

/// <summary>A check's outcome; <see cref="Detail"/> says what was seen.</summary>
internal sealed record CheckOutcome(string Name, bool Passed, string Detail);
