using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrationHub.Sdk.FakeKit;

namespace PartnerName.Connector.Fake;

/// <summary>
/// What every PartnerName endpoint shares: the <c>X-Api-Key</c> header, JSON bodies (camelCase, enums as strings)
/// and the vendor's error shape <c>{"error": "...", "field": "..."}</c>. Outage and throttling come from FakeKit.
/// </summary>
public abstract class PartnerNameApi(TimeProvider? time) : VendorFake(time)
{
    /// <summary>The only key the fake accepts.</summary>
    public const string ValidApiKey = "sandbox-partnername-key";

    /// <summary>How the vendor writes and reads JSON.</summary>
    protected static JsonSerializerOptions Wire { get; } =
        new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The vendor's answer to a request it serves, once the key is accepted.</summary>
    protected abstract FakeResponse Answer(FakeRequest request);

    /// <summary>A body in the vendor's JSON.</summary>
    protected static FakeResponse Json(int status, object body) =>
        new(status, JsonSerializer.Serialize(body, body.GetType(), Wire));

    /// <summary>An error in the vendor's shape, naming the request field at fault when there is one.</summary>
    protected static FakeResponse Error(int status, string error, string? field = null) =>
        Json(status, new Dictionary<string, string?> { ["error"] = error, ["field"] = field });

    /// <summary>The request's body in the vendor's JSON, or null when it has none or cannot be read.</summary>
    protected static T? Read<T>(FakeRequest request)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(request.Body, Wire);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The vendor's answer once the month's credits are spent: 402, until the next month.</summary>
    protected override FakeResponse QuotaSpent(FakeRequest request) => Error(402, "credits_exhausted");

    /// <summary>A key the vendor does not accept, as the vendor says it.</summary>
    protected override FakeResponse CredentialsRefused(FakeRequest request) => Error(401, "invalid_api_key");

    /// <summary>A request the vendor finds bad, as the vendor says it.</summary>
    protected override FakeResponse RequestRefused(FakeRequest request) => Error(400, "bad_request");

    /// <inheritdoc />
    protected override Task<FakeResponse> HandleVendorAsync(FakeRequest request) =>
        Task.FromResult(request.Header("X-Api-Key") == ValidApiKey ? Answer(request) : Error(401, "invalid_api_key"));
}
