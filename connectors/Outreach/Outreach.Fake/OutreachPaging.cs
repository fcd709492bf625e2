using IntegrationHub.Sdk.FakeKit;

namespace IntegrationHub.Connectors.Outreach.Fake;

/// <summary>
/// Outreach's cursor paging on every collection: `page[size]` (the fake's PageSize when absent, at most
/// <see cref="MaxPageSize"/>), `page[after]` from links.next, and links.next that keeps the caller's filters and
/// include; plus which relationships a request asked to sideload with `include=`.
/// </summary>
internal static class OutreachPaging
{
    /// <summary>The largest page Outreach serves; a larger page[size] gets this many.</summary>
    public const int MaxPageSize = 1000;

    public static (List<T> Page, string? Next) Page<T>(
        IEnumerable<T> all,
        Func<T, long> id,
        FakeRequest request,
        int defaultSize,
        Uri baseUrl,
        string collection
    )
    {
        var size =
            int.TryParse(request.QueryValue("page[size]"), out var asked) && asked > 0
                ? Math.Min(asked, MaxPageSize)
                : defaultSize;
        var after = long.TryParse(request.QueryValue("page[after]"), out var cursor) ? cursor : long.MinValue;
        var rest = all.Where(x => id(x) > after).OrderBy(id).ToList();
        var page = rest.Take(size).ToList();
        if (rest.Count <= page.Count)
        {
            return (page, null);
        }

        var query = request
            .Query.Where(q => q.Key != "page[after]")
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}")
            .Append($"page%5Bafter%5D={id(page[^1])}");
        return (page, $"{baseUrl}api/v2/{collection}?{string.Join("&", query)}");
    }

    public static bool Includes(FakeRequest request, string relationship) =>
        (request.QueryValue("include") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Contains(relationship, StringComparer.Ordinal);
}
