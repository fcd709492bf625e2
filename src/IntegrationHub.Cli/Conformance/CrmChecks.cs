using IntegrationHub.Contracts.Crm.V1;

namespace IntegrationHub.Cli.Conformance;

/// <summary>The CRM contract's probe: an account by the sample domain (crm.v1 GetAccount).</summary>
internal static class CrmChecks
{
    public const string Service = "integrationhub.crm.v1.CrmService";

    public const string DefaultSample = "acme.com";

    public static CapabilityProbe Probe(RemoteUnderTest remote, string domain)
    {
        var crm = new CrmService.CrmServiceClient(remote.Invoker);
        return new CapabilityProbe(
            $"GetAccount(domain \"{domain}\")",
            async options =>
            {
                var account = (await crm.GetAccountAsync(new GetAccountRequest { Domain = domain }, options)).Account;
                return account is null || account.Id.Length == 0 || account.Name.Length == 0
                        ? "an account without its id and name"
                    : !string.Equals(account.Domain, domain, StringComparison.OrdinalIgnoreCase)
                        ? $"asked for domain \"{domain}\", answered the account of \"{account.Domain}\""
                    : null;
            },
            [
                new("domain \"not a domain\"", "domain", o =>
                    crm.GetAccountAsync(new() { Domain = "not a domain" }, o).ResponseAsync
                ),
                new("an empty account_id", "account_id", o =>
                    crm.GetAccountAsync(new() { AccountId = "" }, o).ResponseAsync
                ),
            ],
            "GetAccount(domain \"no-such-company.example\")",
            o => crm.GetAccountAsync(new() { Domain = "no-such-company.example" }, o).ResponseAsync
        );
    }
}
