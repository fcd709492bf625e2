namespace IntegrationHub.Sdk.Errors;

/// <summary>
/// Salesforce's record ids: 15 case-sensitive letters and digits (a 3-character key prefix naming the object, then
/// the record), or the same 15 followed by a 3-character suffix that encodes which of them are capitals, so the 18
/// survive systems that ignore case. Both name the same record; Salesforce returns 18 and accepts either.
/// </summary>
public static class CaseSafeId
{
    private const string SuffixAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    /// <summary>
    /// 15 ASCII letters and digits, or 18 whose last three are the suffix of the first 15 (in either case). An 18
    /// whose first 15 lost their case does not match its suffix and is refused: the hub does not guess the record.
    /// </summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: 15 or 18 }
        && value.All(char.IsAsciiLetterOrDigit)
        && (value.Length == 15 || string.Equals(value[15..], Suffix(value[..15]), StringComparison.OrdinalIgnoreCase));

    /// <summary>The 18-character form of a well-formed id (suffix in capitals), or null for anything else.</summary>
    public static string? ToEighteen(string? value) => IsWellFormed(value) ? value![..15] + Suffix(value[..15]) : null;

    /// <summary>
    /// The case-safe suffix of 15 characters: for each run of five, a bit per capital letter (the first character
    /// the lowest bit) picks one character of A–Z then 0–5.
    /// </summary>
    public static string Suffix(string fifteen)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(fifteen.Length, 15, nameof(fifteen));
        Span<char> suffix = stackalloc char[3];
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = 0;
            for (var i = 0; i < 5; i++)
            {
                if (char.IsAsciiLetterUpper(fifteen[(chunk * 5) + i]))
                {
                    bits |= 1 << i;
                }
            }

            suffix[chunk] = SuffixAlphabet[bits];
        }

        return new string(suffix);
    }
}
