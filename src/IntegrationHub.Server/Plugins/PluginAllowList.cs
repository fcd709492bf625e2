using System.Reflection;

namespace IntegrationHub.Server.Plugins;

/// <summary>
/// Whether a plugin assembly in the folder is one the operator allowed: by name, and by signing key when one is
/// configured.
/// </summary>
internal static class PluginAllowList
{
    /// <summary>Why the plugin is refused, or null when it is allowed.</summary>
    public static string? Refusal(AssemblyName plugin, IReadOnlyList<AllowedPlugin> allowed)
    {
        var entry = allowed.FirstOrDefault(a => string.Equals(a.Name, plugin.Name, StringComparison.Ordinal));
        if (entry is null)
        {
            return $"Plugin '{plugin.Name}' is in the plugins folder but not on the allow list; plugins run with the "
                + $"hub's trust, "
                + $"so add it to Plugins:Allowed (Name '{plugin.Name}', and PublicKeyToken to pin its signing key) "
                + $"or remove it.";
        }

        var token = Convert.ToHexStringLower(plugin.GetPublicKeyToken() ?? []);
        return
            entry.PublicKeyToken is { Length: > 0 } expected
            && !string.Equals(expected, token, StringComparison.OrdinalIgnoreCase)
            ? $"Plugin '{plugin.Name}' is signed with public key token '{(token.Length == 0 ? "none" : token)}', not "
                + $"the '{expected}' Plugins:Allowed requires."
            : null;
    }
}
