using System.Text.RegularExpressions;

namespace IntegrationHub.Server.Logging;

/// <summary>
/// Finds personal data in log text — email addresses, phone numbers, IP addresses — and masks
/// it. An email keeps its domain (the company, useful when reading a log); loopback addresses
/// stay, so "listening on 127.0.0.1:5080" still reads.
/// </summary>
public static partial class PersonalData
{
    public const string Masked = "[redacted]";

    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        text = Email().Replace(text, m => Masked + "@" + m.Groups["domain"].Value);
        text = Ipv6().Replace(text, Masked);
        text = Ipv4().Replace(text, m => m.Value.StartsWith("127.", StringComparison.Ordinal) ? m.Value : Masked);
        return Phone().Replace(text, Masked);
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@(?<domain>[A-Za-z0-9.\-]+\.[A-Za-z]{2,})")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\d.])(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?![\d.])")]
    private static partial Regex Ipv4();

    // Eight full groups, or a compressed form with "::" — a clock time such as 12:20:05 is neither.
    [GeneratedRegex(
        @"(?<![\w:.])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
            + @"|(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?"
            + @"|::(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*))(?![\w:])"
    )]
    private static partial Regex Ipv6();

    // An international number, or a North-American one written with separators.
    [GeneratedRegex(@"\+\d[\d\s().\-]{6,}\d|\(?\b\d{3}\)?[\s.\-]\d{3}[\s.\-]\d{4}\b")]
    private static partial Regex Phone();
}
