using System.Text.Json.Nodes;

namespace IntegrationHub.Sdk.FakeKit;

/// <summary>A request as a fake vendor sees it.</summary>
public sealed record FakeRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body
)
{
    /// <summary>A header's value, or null; names compare as the request sent them.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>A query parameter's value, or null.</summary>
    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;

    /// <summary>The body parsed as JSON; null when empty.</summary>
    public JsonNode? Json() => string.IsNullOrWhiteSpace(Body) ? null : JsonNode.Parse(Body);

    /// <summary>Whether this is <paramref name="method"/> on exactly <paramref name="path"/>.</summary>
    public bool Is(string method, string path) =>
        string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Path, path, StringComparison.Ordinal);
}
