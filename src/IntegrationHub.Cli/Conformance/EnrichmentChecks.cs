using System.Text.RegularExpressions;
using Grpc.Core;
using IntegrationHub.Contracts.Enrichment.V1;

namespace IntegrationHub.Cli.Conformance;

/// <summary>
/// The enrichment contract as a remote must keep it: a valid address answers a well-formed identification, bad
/// input is INVALID_ARGUMENT naming the field, a short deadline ends the call with DEADLINE_EXCEEDED and leaves the
/// remote serving, batches answer one result per address in order, and cancelled calls leave it serving.
/// </summary>
internal static partial class EnrichmentChecks
{
    public static IEnumerable<ConformanceCheck> For(RemoteUnderTest remote, string sampleIp)
    {
        var client = new EnrichmentService.EnrichmentServiceClient(remote.Invoker);
        yield return new ConformanceCheck("valid request", async ct =>
            Problems(
                (
                    await client.IdentifyCompanyAsync(
                        new IdentifyCompanyRequest { IpAddress = sampleIp },
                        deadline: remote.Deadline(),
                        cancellationToken: ct
                    )
                ).Identification
            )
        );
        yield return new ConformanceCheck("invalid argument", async ct =>
        {
            foreach (var bad in new[] { "not-an-ip", "" })
            {
                var problem = await RefusesAsync(
                    () =>
                        client
                            .IdentifyCompanyAsync(
                                new IdentifyCompanyRequest { IpAddress = bad },
                                deadline: remote.Deadline(),
                                cancellationToken: ct
                            )
                            .ResponseAsync,
                    "ip_address",
                    $"ip_address \"{bad}\""
                );
                if (problem is not null)
                {
                    return problem;
                }
            }

            return await RefusesAsync(
                () =>
                    client
                        .BatchIdentifyCompaniesAsync(
                            new BatchIdentifyCompaniesRequest(),
                            deadline: remote.Deadline(),
                            cancellationToken: ct
                        )
                        .ResponseAsync,
                "ip_addresses",
                "a batch of no addresses"
            );
        });
        yield return new ConformanceCheck("short deadline", async ct =>
        {
            try
            {
                await client.IdentifyCompanyAsync(
                    new IdentifyCompanyRequest { IpAddress = sampleIp },
                    deadline: RemoteUnderTest.Within(TimeSpan.FromMilliseconds(1)),
                    cancellationToken: ct
                );
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.DeadlineExceeded) { }

            return await StillServesAsync(client, remote, sampleIp, "after a call whose deadline passed", ct);
        });
        yield return new ConformanceCheck("batch", async ct =>
        {
            string[] ips = [sampleIp, "192.0.2.1", "2001:db8::7"];
            var request = new BatchIdentifyCompaniesRequest { IpAddresses = { ips } };
            var answer = await client.BatchIdentifyCompaniesAsync(
                request,
                deadline: remote.Deadline(),
                cancellationToken: ct
            );
            if (!answer.Results.Select(r => r.IpAddress).SequenceEqual(ips))
            {
                return $"asked for [{string.Join(", ", ips)}], answered for "
                    + $"[{string.Join(", ", answer.Results.Select(r => r.IpAddress))}]: "
                    + "one result per address, in request order";
            }

            return answer
                .Results.Select(r =>
                    r.Identification is null
                        ? r.ErrorCode.Length == 0
                            ? $"{r.IpAddress}: neither identification nor error_code"
                            : null
                        : Problems(r.Identification) is { } p
                            ? $"{r.IpAddress}: {p}"
                            : null
                )
                .FirstOrDefault(p => p is not null);
        });
        yield return new ConformanceCheck("cancellation", async ct =>
        {
            using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var calls = Enumerable
                .Range(0, 8)
                .Select(_ =>
                    client
                        .IdentifyCompanyAsync(
                            new IdentifyCompanyRequest { IpAddress = sampleIp },
                            deadline: remote.Deadline(),
                            cancellationToken: giveUp.Token
                        )
                        .ResponseAsync
                )
                .ToList();
            await giveUp.CancelAsync();
            foreach (var call in calls)
            {
                try
                {
                    await call;
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled) { }
            }

            return await StillServesAsync(client, remote, sampleIp, "after 8 calls its caller cancelled", ct);
        });
    }

    /// <summary>What is wrong with an identification, or null when it is well formed.</summary>
    private static string? Problems(CompanyIdentification? identification)
    {
        if (identification is null)
        {
            return "no identification in the answer";
        }

        if (identification.MatchStatus == MatchStatus.Unspecified || !Enum.IsDefined(identification.MatchStatus))
        {
            return $"match_status is {identification.MatchStatus}: say MATCH, NON_ACTIONABLE or NO_MATCH";
        }

        if (identification.MatchStatus == MatchStatus.Match)
        {
            var company = identification.Company;
            if (company is null || company.Name.Length == 0 || company.Domain.Length == 0)
            {
                return "a MATCH without the company's name and domain";
            }

            if (company.CountryCode.Length > 0 && !CountryCode().IsMatch(company.CountryCode))
            {
                return $"country_code \"{company.CountryCode}\" is not an ISO 3166-1 alpha-2 code such as \"US\"";
            }

            if (company.EmployeeCount < 0 || company.AnnualRevenueUsd < 0)
            {
                return "employee_count and annual_revenue_usd are 0 (unknown) or positive";
            }
        }

        return identification
            .ProductScores.Where(s => s.IntentScore is < 0 or > 100 || s.ProfileScore is < 0 or > 100)
            .Select(s => $"product {s.Product}: scores are 0 to 100")
            .FirstOrDefault();
    }

    private static Task<string?> RefusesAsync(Func<Task> call, string field, string what) =>
        RemoteAnswers.RefusesAsync(call, field, what);

    private static Task<string?> StillServesAsync(
        EnrichmentService.EnrichmentServiceClient client,
        RemoteUnderTest remote,
        string sampleIp,
        string when,
        CancellationToken ct
    ) =>
        RemoteAnswers.StillServesAsync(
            () =>
                client
                    .IdentifyCompanyAsync(
                        new IdentifyCompanyRequest { IpAddress = sampleIp },
                        deadline: remote.Deadline(),
                        cancellationToken: ct
                    )
                    .ResponseAsync,
            when
        );

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
