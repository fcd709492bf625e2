namespace IntegrationHub.Routing.Facts;

/// <summary>The experience language a page URL implies: <c>/fr-fr/…</c> French, no prefix English.</summary>
public static class PageLocale
{
    public const string English = "en";

    public static string LanguageOf(Uri pageUrl, IReadOnlyDictionary<string, string> prefixes)
    {
        var path = pageUrl.AbsolutePath.ToLowerInvariant();
        if (!path.EndsWith('/'))
        {
            path += "/";
        }

        foreach (var (prefix, language) in prefixes)
        {
            if (path.StartsWith(prefix.ToLowerInvariant(), StringComparison.Ordinal))
            {
                return language;
            }
        }

        return English;
    }
}
