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

    public static FakeResponse Json(int status, object body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, JsonSerializer.Serialize(body, Web), headers);

    public static FakeResponse Empty(int status) => new(status);

    public FakeResponse WithHeader(string name, string value) =>
        this with
        {
            Headers = new Dictionary<string, string>(Headers ?? new Dictionary<string, string>()) { [name] = value },
        };
}
