using IntegrationHub.Bench.Hubs;
using IntegrationHub.Bench.Load;
using IntegrationHub.Testing;

namespace IntegrationHub.Bench.Figures;

/// <summary>
/// Figure 3: a burst of N visitors from K companies against cold caches, counted at the fakes:
/// reverse-IP look-ups and CRM account-by-domain queries, each divided by K.
/// </summary>
public static class VendorCost
{
    public sealed record Result(
        int Visitors,
        int Companies,
        double EnrichmentPerCompany,
        double AccountPerCompany,
        int Errors
    );

    public static async Task<Result> MeasureAsync(
        BenchHubs hubs,
        ExternalVendors vendors,
        Visitors visitors,
        BenchSettings settings
    )
    {
        var companies = Math.Min(settings.BurstCompanies, visitors.Companies);
        var (enrichment, accounts) = (vendors.EnrichmentCalls, vendors.AccountByDomainCalls);
        var burst = await ClosedLoop.BurstAsync(
            settings.BurstVisitors,
            settings.BurstVisitors,
            // Visitor i is from company i % K and goes to instance i / K: each company's visitors reach every instance.
            (i, ct) =>
                hubs.Routing(i / companies)
                    .RouteVisitorAsync(visitors.FromOffice(i % companies, i), cancellationToken: ct)
                    .ResponseAsync
        );
        return new Result(
            settings.BurstVisitors,
            companies,
            (double)(vendors.EnrichmentCalls - enrichment) / companies,
            (double)(vendors.AccountByDomainCalls - accounts) / companies,
            burst.Errors
        );
    }
}
