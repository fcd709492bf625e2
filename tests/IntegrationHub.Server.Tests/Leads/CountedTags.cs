using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace IntegrationHub.Server.Tests.Leads;

/// <summary>
/// The values of one tag of one hub counter recorded while this is alive (process-wide: every hub in the test run
/// counts into the same meter), e.g. <c>hub.webhooks.without_effect</c> by <c>reason</c>.
/// </summary>
internal sealed class CountedTags : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<string> _values = new();

    public CountedTags(string instrument, string tag)
    {
        _listener.InstrumentPublished = (published, listener) =>
        {
            if (published.Name == instrument)
            {
                listener.EnableMeasurementEvents(published);
            }
        };
        _listener.SetMeasurementEventCallback<long>(
            (_, _, tags, _) =>
            {
                foreach (var t in tags)
                {
                    if (t.Key == tag)
                    {
                        _values.Enqueue((string)t.Value!);
                    }
                }
            }
        );
        _listener.Start();
    }

    public string[] Values => [.. _values];

    public void Dispose() => _listener.Dispose();
}
