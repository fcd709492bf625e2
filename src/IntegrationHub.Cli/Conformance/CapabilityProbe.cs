using Grpc.Core;

namespace IntegrationHub.Cli.Conformance;

/// <summary>
/// What a capability's check list asks of a remote, as calls taking the call's options (deadline, cancellation):
/// a valid request answering what is wrong with its answer (or null), requests it must refuse naming a field, and a
/// look-up of something no vendor holds, which must be NOT_FOUND.
/// </summary>
internal sealed record CapabilityProbe(
    string ValidRequest,
    Func<CallOptions, Task<string?>> Valid,
    IReadOnlyList<Refusal> Invalid,
    string NotFoundRequest,
    Func<CallOptions, Task> NotFound
);

/// <summary>A request the remote must refuse: INVALID_ARGUMENT, a field violation naming <see cref="Field"/>.</summary>
internal sealed record Refusal(string What, string Field, Func<CallOptions, Task> Call);
