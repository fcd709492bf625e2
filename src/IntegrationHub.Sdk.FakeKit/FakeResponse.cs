using System.Text.Json;

namespace IntegrationHub.Sdk.FakeKit;

/// <summary>A fake vendor's answer.</summary>
public sealed record FakeResponse(
    int Status,
    string? Body = null,
    IReadOnlyDictionary<string, string>? Headers = null,
    string ContentType = "application/json"
)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary><paramref name="body"/> serialized as JSON (camelCase) with <paramref name="status"/>.</summary>
    public static FakeResponse Json(int status, object body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, JsonSerializer.Serialize(body, Web), headers);

    /// <summary><paramref name="status"/> with no body.</summary>
    public static FakeResponse Empty(int status) => new(status);

    /// <summary>This answer with one more header.</summary>
    public FakeResponse WithHeader(string name, string value) =>
        this with
        {
            Headers = new Dictionary<string, string>(Headers ?? new Dictionary<string, string>()) { [name] = value },
        };
}
