using IntegrationHub.Hub.Capabilities;
using IntegrationHub.Hub.Credentials;
using IntegrationHub.Hub.Startup;
using IntegrationHub.Sdk.Capabilities;

namespace IntegrationHub.Server.Plugins;

/// <summary>
/// Decides from configuration which connector serves each capability, and explains every
/// problem at once: an unknown name lists what was found, a connector that lacks the
/// capability says what it does implement. Where configuration names none, what is loaded
/// decides (<see cref="DefaultConnector"/>).
/// </summary>
internal static class CapabilitySelection
{
    public static IReadOnlyDictionary<Capability, CapabilityBinding> Resolve(
        IConfiguration capabilities,
        IReadOnlyList<DiscoveredConnector> discovered
    )
    {
        var problems = new List<string>();
        var bindings = new Dictionary<Capability, CapabilityBinding>();
        var found =
            discovered.Count == 0
                ? "none"
                : string.Join(
                    ", ",
                    discovered.Select(d =>
                        $"{d.Descriptor.Name} ({string.Join("/", d.Descriptor.Capabilities.Select(c => c.Key()))})"
                    )
                );

        foreach (var capability in Enum.GetValues<Capability>())
        {
            var section = capabilities.GetSection(capability.ToString());
            var options = section.Get<CapabilityOptions>() ?? new CapabilityOptions();
            var path = $"{CapabilityOptions.Section}:{capability}";
            if (options.Endpoint is not null && !string.IsNullOrWhiteSpace(options.Connector))
            {
                problems.Add($"{path}: set either Connector or Endpoint, not both.");
                continue;
            }

            if (options.Endpoint is { } endpoint)
            {
                if (
                    !endpoint.IsAbsoluteUri
                    || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)
                )
                {
                    problems.Add($"{path}:Endpoint must be an absolute http:// or https:// address, not '{endpoint}'.");
                    continue;
                }

                try
                {
                    Capabilities.Remote.RemoteChannel.LoadFiles(options.Tls);
                }
                catch (Exception e)
                    when (e
                            is IOException
                                or UnauthorizedAccessException
                                or System.Security.Cryptography.CryptographicException
                                or ArgumentException
                    )
                {
                    problems.Add($"{path}:Tls: a certificate file cannot be used: {e.Message}");
                }

                problems.AddRange(RemoteResilienceProblems.Of($"{path}:Resilience", options.Resilience));
                bindings[capability] = new CapabilityBinding(capability, null, endpoint)
                {
                    RemoteTls = options.Tls,
                    RemoteResilience = options.Resilience,
                    Remote = new RemoteIdentity(),
                };
                continue;
            }

            if (string.IsNullOrWhiteSpace(options.Connector))
            {
                var (chosen, problem) = DefaultConnector.Choose(capability, discovered, $"{path}:Connector", found);
                if (chosen is not null)
                {
                    bindings[capability] = new CapabilityBinding(capability, chosen, null);
                }
                else
                {
                    problems.Add(problem!);
                }

                continue;
            }

            var name = options.Connector.Trim();
            var match = discovered.FirstOrDefault(d =>
                string.Equals(d.Descriptor.Name, name, StringComparison.OrdinalIgnoreCase)
            );
            if (match is null)
            {
                problems.Add($"{path}:Connector names '{name}', but no such connector was found. Found: {found}.");
            }
            else if (!match.Descriptor.Capabilities.Contains(capability))
            {
                problems.Add(
                    $"{path}:Connector names '{name}', which does not implement {capability.Key()} "
                        + $"(it implements {string.Join(", ", match.Descriptor.Capabilities.Select(c => c.Key()))})."
                );
            }
            else
            {
                bindings[capability] = new CapabilityBinding(capability, match, null);
            }
        }

        if (problems.Count > 0)
        {
            throw new HubStartRefusedException(
                "The hub's connector configuration is invalid:"
                    + Environment.NewLine
                    + "  - "
                    + string.Join(Environment.NewLine + "  - ", problems)
            );
        }

        return bindings;
    }
}
