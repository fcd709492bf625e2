using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.Outreach;

/// <summary>
/// Outreach's resource ids are positive integers. Anything else is refused here, before a
/// request is built: Outreach answers a malformed id with a 500 that the pipeline would retry,
/// and the caller would see an outage instead of their own mistake.
/// </summary>
internal static class OutreachIds
{
    public static void Require(params (string Field, string Value)[] ids)
    {
        var bad = ids.Where(id => !IsId(id.Value))
            .Select(id => new FieldViolation(id.Field, "must be an Outreach id: a positive whole number such as 1234"))
            .ToArray();
        if (bad.Length > 0)
        {
            throw ConnectorException.Invalid(bad);
        }
    }

    private static bool IsId(string value) =>
        value.Length is > 0 and <= 18 && value.All(char.IsAsciiDigit) && value[0] != '0';
}
