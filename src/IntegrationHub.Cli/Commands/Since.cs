using System.CommandLine;
using System.Globalization;

namespace IntegrationHub.Cli.Commands;

/// <summary>A look-back such as 30m, 24h or 7d, as options like --since take it.</summary>
internal static class Since
{
    public static Option<TimeSpan> Option(string name, string description, TimeSpan fallback) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => fallback,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (TryParse(text, out var span))
                {
                    return span;
                }

                result.AddError($"'{text}' is not a duration: use a number and m, h or d, like 30m, 24h or 7d");
                return default;
            },
        };

    public static bool TryParse(string text, out TimeSpan span)
    {
        span = default;
        if (
            text.Length < 2
            || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            || amount <= 0
        )
        {
            return false;
        }

        span = char.ToLowerInvariant(text[^1]) switch
        {
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => default,
        };
        return span != default;
    }
}
