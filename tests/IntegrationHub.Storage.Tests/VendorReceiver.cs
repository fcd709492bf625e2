using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace IntegrationHub.Storage.Tests;

/// <summary>
/// A vendor endpoint on loopback that applies each idempotency key once, as a vendor with
/// idempotency support does, while counting every raw delivery; it can be taken down.
/// </summary>
public sealed class VendorReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _byKey = new();
    private readonly ConcurrentDictionary<string, byte> _refusedKeys = new();
    private int _raw;

    public VendorReceiver()
    {
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/effects/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public bool Down { get; set; }

    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(5);

    public int RawDeliveries => Volatile.Read(ref _raw);

    public int DistinctKeys => _byKey.Count;

    public int Duplicates => _byKey.Values.Sum(c => c - 1);

    /// <summary>Idempotency keys that were refused at least once while down.</summary>
    public int RefusedKeys => _refusedKeys.Count;

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                await Task.Delay(Latency);
                if (Down)
                {
                    _refusedKeys.TryAdd(context.Request.Headers["Idempotency-Key"] ?? "", 0);
                    context.Response.StatusCode = 503;
                }
                else
                {
                    Interlocked.Increment(ref _raw);
                    _byKey.AddOrUpdate(context.Request.Headers["Idempotency-Key"] ?? "", 1, (_, n) => n + 1);
                    context.Response.StatusCode = 200;
                }

                context.Response.Close();
            });
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
