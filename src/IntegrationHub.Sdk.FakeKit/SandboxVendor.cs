using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Sdk.FakeKit;

/// <summary>
/// The sandbox side of a vendor fake: starts <typeparamref name="TFake"/> with its vendor's documented rate and
/// daily limits (liftable for load runs), seeds it from the seed file on the hub's clock, and stops it with the hub. A
/// vendor's fake project derives one of these and says how to build, point at and seed its fake.
/// Users put the running fake in a <see cref="VendorCondition"/> through the hub (<see cref="IRehearsableVendor"/>).
/// </summary>
public abstract class SandboxVendor<TFake> : IRehearsableVendor
    where TFake : VendorFake
{
    private readonly HandedClock _clock = new();

    /// <summary>The running fake, for tests that inject faults into a sandboxed hub.</summary>
    public TFake? Fake { get; private set; }

    /// <inheritdoc />
    public abstract string ConnectorName { get; }

    /// <inheritdoc />
    public VendorConditionState Condition => Fake?.Condition ?? VendorConditionState.Healthy;

    /// <inheritdoc />
    public VendorConditionState Impose(VendorCondition condition, TimeSpan duration) =>
        (Fake ?? throw new InvalidOperationException($"The {ConnectorName} fake is not started.")).Impose(
            condition,
            duration
        );

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, string?>> StartAsync(CancellationToken cancellationToken)
    {
        Fake = Create(_clock);
        return Task.FromResult(Settings(Fake));
    }

    /// <inheritdoc />
    public Task SeedAsync(SandboxSeed seed, TimeProvider time, CancellationToken cancellationToken)
    {
        var fake = Fake
            ?? throw new InvalidOperationException($"The {ConnectorName} fake is seeded before it is started.");
        _clock.Follow(time);
        Seed(fake, seed, time.GetUtcNow());
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void LiftLimits() =>
        Unlimited(Fake ?? throw new InvalidOperationException($"The {ConnectorName} fake is not started."));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Fake is not null)
        {
            await Fake.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// The fake on <paramref name="clock"/>, with the vendor's documented limits, so throttling in the sandbox is
    /// what the vendor would do (ordinary demo use stays far below them).
    /// </summary>
    protected abstract TFake Create(TimeProvider clock);

    /// <summary>
    /// Lifts the rate and daily limits of <paramref name="fake"/> (see ISandboxVendor.LiftLimits). A fake without
    /// limits has nothing to lift, so this does nothing unless overridden.
    /// </summary>
    /// <param name="fake">The running fake.</param>
    protected virtual void Unlimited(TFake fake) { }

    /// <summary>The connector settings that point at <paramref name="fake"/>.</summary>
    protected abstract IReadOnlyDictionary<string, string?> Settings(TFake fake);

    /// <summary>
    /// Puts the seed's part for this vendor into <paramref name="fake"/>, its times shifted to <paramref name="now"/>.
    /// </summary>
    protected abstract void Seed(TFake fake, SandboxSeed seed, DateTimeOffset now);
}
