namespace IntegrationHub.Hub.Startup;

/// <summary>
/// The hub refuses to start with this configuration; the message says which key and why, in
/// words an operator acts on. Not a bug: the process prints the message, not a stack trace.
/// </summary>
public sealed class HubStartRefusedException(string message) : InvalidOperationException(message);
