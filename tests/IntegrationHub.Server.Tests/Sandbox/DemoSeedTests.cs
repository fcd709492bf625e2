using System.Net;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Server.Tests.Sandbox;

/// <summary>The shipped demo world must load and hang together, or the sandbox answers nonsense.</summary>
public sealed class DemoSeedTests
{
    private static readonly SandboxSeed Seed = SandboxSeed.Load(
        Path.Combine(AppContext.BaseDirectory, "sandbox", "demo-seed.json")
    );

    [Fact]
    public void It_covers_every_region_public_sector_and_the_language_markets()
    {
        var countries = Seed.Companies.Select(c => c.Identification.Company?.CountryCode).ToHashSet();
        Assert.True(Seed.Companies.Count >= 30, $"only {Seed.Companies.Count} companies");
        Assert.Superset(new HashSet<string?> { "US", "CA", "FR", "DE", "GB", "JP", "AU", "SG", "BR", "MX" }, countries);
        Assert.Contains(Seed.Accounts, a => a.PublicSector && a.CountryCode == "US");
        Assert.Contains(Seed.Accounts, a =>
            a.BdrProspectingStatus == BdrProspectingStatus.ActivelyWorking && a.BdrAssignedUserId is not null
        );
        Assert.Contains(Seed.Accounts, a => a.BdrProspectingStatus == BdrProspectingStatus.Restricted);
        Assert.Contains(Seed.Accounts, a => a.PartnerProspectingStatus is not null);
        Assert.Contains(Seed.Accounts, a => a.ParentAccountId is not null);
    }

    [Fact]
    public void Every_reference_points_at_something_that_exists()
    {
        var users = Seed.Users.Select(u => u.Id).ToHashSet();
        var accounts = Seed.Accounts.Select(a => a.Id).ToHashSet();
        var prospects = Seed.Prospects.Select(p => p.Id).ToHashSet();
        var sequencingReps = Seed.SequencingReps.Select(r => r.Id).ToHashSet();

        Assert.All(Seed.Accounts, a => Assert.Contains(a.UltimateParentId!, accounts));
        Assert.All(Seed.Accounts.Where(a => a.BdrAssignedUserId is not null), a =>
            Assert.Contains(a.BdrAssignedUserId!, users)
        );
        Assert.All(Seed.Accounts.Where(a => a.OwnerUserId is not null), a => Assert.Contains(a.OwnerUserId!, users));
        Assert.All(Seed.People.Where(p => p.AccountId is not null), p => Assert.Contains(p.AccountId!, accounts));
        Assert.All(Seed.People.Where(p => p.OwnerUserId is not null), p => Assert.Contains(p.OwnerUserId!, users));
        Assert.All(Seed.ClickThroughs, c => Assert.Contains(c.ProspectId, prospects));
        Assert.All(Seed.ClickThroughs, c => Assert.Contains(c.OwnerRepId, sequencingReps));
        Assert.All(Seed.Activities, a => Assert.Contains(a.SubjectId, accounts));
    }

    [Fact]
    public void Every_ip_range_is_a_valid_cidr_and_no_two_companies_overlap()
    {
        var ranges = Seed.Companies.SelectMany(c => c.IpRanges).Select(IPNetwork.Parse).ToList();
        for (var i = 0; i < ranges.Count; i++)
        {
            for (var j = i + 1; j < ranges.Count; j++)
            {
                Assert.False(
                    ranges[i].Contains(ranges[j].BaseAddress) || ranges[j].Contains(ranges[i].BaseAddress),
                    $"{ranges[i]} overlaps {ranges[j]}"
                );
            }
        }
    }

    [Fact]
    public void Times_are_shifted_so_relative_ages_survive()
    {
        var now = DateTimeOffset.Parse("2027-03-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var activity = Seed.Activities[0];
        var age = Seed.Anchor!.Value - activity.OccurredAt;
        Assert.Equal(age, now - Seed.Shift(activity.OccurredAt, now));
    }
}
