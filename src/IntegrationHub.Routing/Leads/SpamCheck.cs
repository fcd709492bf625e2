using System.Text.RegularExpressions;
using IntegrationHub.Routing.Policy;

namespace IntegrationHub.Routing.Leads;

/// <summary>How likely a lead is spam, and why.</summary>
public sealed record SpamVerdict(double Confidence, IReadOnlyList<string> Reasons)
{
    public bool IsFlagged(SpamPolicy policy) => Confidence >= policy.FlagThreshold;
}

/// <summary>
/// Scores a lead for spam from independent signals, combined as independent evidence
/// (1 − Π(1 − pᵢ)). Only a high combined confidence flags it; nothing is ever deleted here.
/// </summary>
public static partial class SpamCheck
{
    /// <summary>
    /// Vowels of the hub's languages: a "word" of seven letters or more with none of them is keyboard noise.
    /// </summary>
    private const string Vowels = "aeiouyAEIOUYàâäéèêëîïôöùûüÿæœ";

    public static SpamVerdict Evaluate(LeadSubmission lead, SpamPolicy policy)
    {
        var signals = new List<(double P, string Reason)>();
        var domain = lead.EmailDomain;
        if (policy.BlockedDomains.Contains(domain, StringComparer.OrdinalIgnoreCase))
        {
            signals.Add((0.99, $"email domain {domain} is blocked"));
        }

        if (policy.DisposableDomains.Contains(domain, StringComparer.OrdinalIgnoreCase))
        {
            signals.Add((0.9, $"email domain {domain} is disposable"));
        }

        if (
            lead.FirstName.Length > 0
            && string.Equals(lead.FirstName.Trim(), lead.LastName.Trim(), StringComparison.OrdinalIgnoreCase)
        )
        {
            signals.Add((0.85, "first name equals last name"));
        }

        foreach (
            var (field, value) in new[]
            {
                ("first_name", lead.FirstName),
                ("last_name", lead.LastName),
                ("company", lead.Company),
            }
        )
        {
            if (IsGibberish(value))
            {
                signals.Add((0.6, $"{field} looks like gibberish"));
            }
        }

        var confidence = 1 - signals.Aggregate(1.0, (acc, s) => acc * (1 - s.P));
        return new SpamVerdict(Math.Round(confidence, 4), [.. signals.Select(s => s.Reason)]);
    }

    /// <summary>Keyboard mashing: long consonant runs, no vowels in a long word, or one character repeated.</summary>
    public static bool IsGibberish(string value)
    {
        var text = value.Trim();
        if (text.Length < 4)
        {
            return false;
        }

        return ConsonantRun().IsMatch(text)
            || RepeatedCharacter().IsMatch(text)
            || (
                text.Length >= 7
                && !text.Any(c => Vowels.Contains(c, StringComparison.Ordinal))
                && text.All(char.IsLetter)
            );
    }

    [GeneratedRegex("[bcdfghjklmnpqrstvwxzBCDFGHJKLMNPQRSTVWXZ]{6,}")]
    private static partial Regex ConsonantRun();

    [GeneratedRegex(@"(.)\1{4,}")]
    private static partial Regex RepeatedCharacter();
}
