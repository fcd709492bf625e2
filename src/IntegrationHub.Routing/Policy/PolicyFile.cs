using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationHub.Routing.Policy;

/// <summary>Reads a policy file (JSON, camelCase, comments allowed) and validates it.</summary>
public static class PolicyFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly JsonSerializerOptions Indented = new(Json) { WriteIndented = true };

    /// <summary>The policy in a file, or <see cref="PolicyValidationException"/> listing every problem.</summary>
    public static RoutingPolicy Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            throw new PolicyValidationException(path, [$"the file cannot be read: {ex.Message}"]);
        }

        return Parse(text, path);
    }

    public static RoutingPolicy Parse(string json, string source = "policy")
    {
        RoutingPolicy? policy;
        try
        {
            policy = JsonSerializer.Deserialize<RoutingPolicy>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new PolicyValidationException(source, [$"{ex.Path ?? "$"}: {ex.Message}"]);
        }

        if (policy is null)
        {
            throw new PolicyValidationException(source, ["$: the file is empty"]);
        }

        var problems = PolicyValidator.Validate(policy);
        return problems.Count == 0 ? policy : throw new PolicyValidationException(source, problems);
    }

    /// <summary>The policy in the file's format, indented, so versions compare line by line.</summary>
    public static string Serialize(RoutingPolicy policy) => JsonSerializer.Serialize(policy, Indented);
}

/// <summary>A policy that cannot be used, with every problem and its path.</summary>
public sealed class PolicyValidationException(string source, IReadOnlyList<string> problems)
    : Exception(
        $"The routing policy '{source}' is invalid:{Environment.NewLine}  - "
            + $"{string.Join(Environment.NewLine + "  - ", problems)}"
    )
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
