using System.Globalization;
using IntegrationHub.Sdk.FakeKit;

namespace IntegrationHub.Connectors.Marketo.Fake;

/// <summary>
/// Marketo's envelope as the fake writes it: errors inside HTTP 200 with success:false and a quoted code, a requestId
/// on every answer, and the Asset API's odd "Z+0000" timestamps.
/// </summary>
internal static class MarketoAnswers
{
    public static FakeResponse Failure(string code, string message) =>
        FakeResponse.Json(
            200,
            new
            {
                requestId = RequestId(),
                success = false,
                errors = new[] { new { code, message } },
            }
        );

    public static FakeResponse Success(object result) =>
        FakeResponse.Json(
            200,
            new
            {
                requestId = RequestId(),
                success = true,
                result,
            }
        );

    /// <summary>Marketo's odd timestamp format: "2015-05-21T22:45:13Z+0000".</summary>
    public static string? Stamp(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z+0000'", CultureInfo.InvariantCulture);

    public static string RequestId() => $"{Random.Shared.Next(0x1000, 0xffff):x}#{Random.Shared.NextInt64():x}";
}
