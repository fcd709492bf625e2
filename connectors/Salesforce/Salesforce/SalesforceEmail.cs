using System.Text.RegularExpressions;

namespace IntegrationHub.Connectors.Salesforce;

/// <summary>
/// The email shape Salesforce stores (a local part, @, a dotted domain); anything else it refuses with
/// INVALID_EMAIL_ADDRESS on a field the caller never named, so the connector refuses it first as lead.email.
/// </summary>
internal static partial class SalesforceEmail
{
    public static bool IsValid(string email) => Shape().IsMatch(email);

    [GeneratedRegex(
        @"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
            + @"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
    )]
    private static partial Regex Shape();
}
