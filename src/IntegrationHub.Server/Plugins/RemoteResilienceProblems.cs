using System.ComponentModel.DataAnnotations;
using IntegrationHub.Sdk.Http;

namespace IntegrationHub.Server.Plugins;

/// <summary>
/// Checks a remote endpoint's resilience settings at start with the same rules as a plugin's, and says what is
/// wrong with each, naming the key.
/// </summary>
internal static class RemoteResilienceProblems
{
    public static IEnumerable<string> Of(string path, ConnectorResilienceOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            yield return $"{path}:{string.Join(",", result.MemberNames)}: {result.ErrorMessage}";
        }

        if (options.AttemptTimeout > options.TotalTimeout)
        {
            yield return $"{path}:AttemptTimeout ({options.AttemptTimeout}) is longer than TotalTimeout "
                + $"({options.TotalTimeout}).";
        }
    }
}
