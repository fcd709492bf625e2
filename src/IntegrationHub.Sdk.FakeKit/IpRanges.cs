using System.Net;

namespace IntegrationHub.Sdk.FakeKit;

/// <summary>Finds which of several CIDR ranges holds an address.</summary>
public sealed class IpRanges<T>(IEnumerable<(string Cidr, T Value)> ranges)
{
    private readonly List<(IPNetwork Network, T Value)> _ranges =
    [
        .. ranges.Select(r => (IPNetwork.Parse(r.Cidr), r.Value)),
    ];

    /// <summary>The value of the first range holding <paramref name="address"/>.</summary>
    public bool TryFind(IPAddress address, out T value)
    {
        foreach (var (network, candidate) in _ranges)
        {
            if (network.Contains(address))
            {
                value = candidate;
                return true;
            }
        }

        value = default!;
        return false;
    }
}
