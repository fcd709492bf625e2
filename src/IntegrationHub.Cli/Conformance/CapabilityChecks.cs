using Grpc.Core;

namespace IntegrationHub.Cli.Conformance;

/// <summary>
/// A capability's contract as a remote must keep it, checked from outside: a valid request is answered well formed,
/// bad input is INVALID_ARGUMENT naming the field, an unknown thing is NOT_FOUND, a call whose deadline passed leaves
/// the remote serving, and so do calls their caller cancelled.
/// </summary>
internal static class CapabilityChecks
{
    public static IEnumerable<ConformanceCheck> For(RemoteUnderTest remote, CapabilityProbe probe)
    {
        CallOptions Within(CancellationToken ct) => new(deadline: remote.Deadline(), cancellationToken: ct);

        yield return new ConformanceCheck("valid request", ct => probe.Valid(Within(ct)));
        yield return new ConformanceCheck("invalid argument", async ct =>
        {
            foreach (var refusal in probe.Invalid)
            {
                if (
                    await RemoteAnswers.RefusesAsync(() => refusal.Call(Within(ct)), refusal.Field, refusal.What) is
                    { } problem
                )
                {
                    return problem;
                }
            }

            return null;
        });
        yield return new ConformanceCheck("not found", async ct =>
        {
            try
            {
                await probe.NotFound(Within(ct));
                return $"{probe.NotFoundRequest} was answered; it must be NOT_FOUND";
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
            catch (RpcException ex)
            {
                return $"{probe.NotFoundRequest} answered {ex.StatusCode}; it must be NOT_FOUND";
            }
        });
        yield return new ConformanceCheck("short deadline", async ct =>
        {
            try
            {
                await probe.Valid(
                    new CallOptions(
                        deadline: RemoteUnderTest.Within(TimeSpan.FromMilliseconds(1)),
                        cancellationToken: ct
                    )
                );
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.DeadlineExceeded) { }

            return await RemoteAnswers.StillServesAsync(
                () => probe.Valid(Within(ct)),
                "after a call whose deadline passed"
            );
        });
        yield return new ConformanceCheck("cancellation", async ct =>
        {
            using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var calls = Enumerable.Range(0, 8).Select(_ => probe.Valid(Within(giveUp.Token))).ToList();
            await giveUp.CancelAsync();
            foreach (var call in calls)
            {
                try
                {
                    await call;
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled) { }
            }

            return await RemoteAnswers.StillServesAsync(
                () => probe.Valid(Within(ct)),
                "after 8 calls its caller cancelled"
            );
        });
    }
}
