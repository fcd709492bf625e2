using System.Diagnostics;

namespace IntegrationHub.Testing;

/// <summary>
/// Waits for something the hub does in the background by asking again until it is so. The bound
/// is machine time and generous, so a loaded machine makes a test slower, not red; it is reached
/// only when the thing never happens, and then the test fails naming what it waited for.
/// </summary>
public static class Eventually
{
    /// <summary>How long a test waits by default: far beyond what anything takes on an idle machine.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    public static Task HappensAsync(Func<bool> condition, string what, TimeSpan? limit = null) =>
        HappensAsync(() => Task.FromResult(condition()), what, limit);

    public static async Task HappensAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        var bound = limit ?? Limit;
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > bound)
            {
                throw new TimeoutException($"{what} did not happen within {bound.TotalSeconds:0} s");
            }

            await Task.Delay(Pause);
        }
    }
}
