namespace IntegrationHub.Sdk.Errors;

/// <summary>
/// Refuses identifiers that cannot be the vendor's before a request is built. A vendor answers a
/// malformed id unpredictably (Outreach with a 500 the pipeline retries, an unescaped one may
/// even reach another endpoint), and the caller would see an outage instead of their mistake.
/// </summary>
public static class VendorIds
{
    /// <summary>
    /// Throws <see cref="ConnectorErrorKind.InvalidArgument"/> naming every field (as the caller's
    /// contract spells it, e.g. "prospect_id") whose value does not have <paramref name="shape"/>.
    /// </summary>
    public static void Require(Func<string, bool> shape, string description, params (string Field, string Value)[] ids)
    {
        var bad = ids.Where(id => !shape(id.Value)).Select(id => new FieldViolation(id.Field, description)).ToArray();
        if (bad.Length > 0)
        {
            throw ConnectorException.Invalid(bad);
        }
    }

    /// <summary>A positive whole number without a leading zero, at most <paramref name="digits"/> long.</summary>
    public static bool IsNumber(string value, int digits = 18) =>
        value.Length > 0 && value.Length <= digits && value.All(char.IsAsciiDigit) && value[0] != '0';
}
