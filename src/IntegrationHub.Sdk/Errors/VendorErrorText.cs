using System.Globalization;
using System.Net;

namespace IntegrationHub.Sdk.Errors;

/// <summary>
/// The message of a <see cref="ConnectorException"/> for a vendor's error answer: the vendor, its own error code (or
/// the HTTP status when it sent none) and its message, so an operator can look the code up in the vendor's docs.
/// </summary>
public static class VendorErrorText
{
    /// <summary>"Vendor: CODE message", the status standing in for a missing code.</summary>
    public static string Of(string vendor, string? code, HttpStatusCode status, string? message) =>
        $"{vendor}: {code ?? ((int)status).ToString(CultureInfo.InvariantCulture)} {message}".Trim();
}
