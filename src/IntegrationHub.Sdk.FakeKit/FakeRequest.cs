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
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;

    public JsonNode? Json() => string.IsNullOrWhiteSpace(Body) ? null : JsonNode.Parse(Body);

    public bool Is(string method, string path) =>
        string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Path, path, StringComparison.Ordinal);
}
