using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Hub.Errors;
using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Storage.Decisions;

namespace IntegrationHub.Hub.Decisions;

/// <summary>
/// What a request asked for, hashed without its request id. A request id is an idempotency key: the same request again
/// gets the stored decision, but the key reused for a different visitor or lead is refused rather than answered with
/// someone else's decision (payment APIs and the IETF Idempotency-Key draft refuse it the same way).
/// </summary>
public static class RequestFingerprint
{
    public const string ReusedReason = "REQUEST_ID_REUSED";

    public static string Of(VisitorRequest visitor) =>
        Hash(
            visitor.IpAddress.ToString(),
            visitor.PageUrl.AbsoluteUri,
            visitor.Email ?? "",
            visitor.ClickThroughToken ?? ""
        );

    public static string Of(LeadSubmission lead) =>
        Hash(JsonSerializer.Serialize(lead with { RequestId = "" }, DecisionJson.Json));

    /// <summary>
    /// The earlier decision when it answered this same request; ALREADY_EXISTS naming it when the request id was used
    /// for something else. Decisions stored before fingerprints existed cannot tell, so they are answered as before.
    /// </summary>
    public static StoredDecision SameRequestOrRefuse(this StoredDecision earlier, string fingerprint)
    {
        if (earlier.RequestFingerprint is null || earlier.RequestFingerprint == fingerprint)
        {
            return earlier;
        }

        throw HubException.AlreadyExists(
            $"request_id '{earlier.RequestId}' was already used for a different {earlier.Kind}, and decision "
                + $"{earlier.Id} answered it; send a new request_id for a new {earlier.Kind}.",
            ReusedReason,
            new Dictionary<string, string> { ["decision_id"] = earlier.Id, ["request_id"] = earlier.RequestId }
        );
    }

    private static string Hash(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts))));
}
