using System.Globalization;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.Outreach.Fake;

namespace IntegrationHub.Connectors.Outreach.Tests;

/// <summary>
/// Every collection the connector reads is paged as Outreach pages it (page[size], links.next keeping the filters and
/// include), sideloads only what include= asks for, and the connector reads on where a complete answer matters.
/// </summary>
public sealed class OutreachPagingTests : IAsyncLifetime
{
    private readonly OutreachWorld _world = new();
    private OutreachRaw? _raw;

    private OutreachFake Fake => _world.Fake;

    private OutreachRaw Raw => _raw ??= new OutreachRaw(Fake);

    [Theory]
    [InlineData("prospects?page[size]=1&include=owner", "owner")]
    [InlineData("mailboxes?page[size]=1&include=user", "user")]
    [InlineData("sequenceStates?filter[prospect][id]=18&page[size]=1&include=sequence", "sequence")]
    public async Task A_page_of_the_asked_size_links_to_the_next_with_the_same_filters_and_include(
        string query,
        string include
    )
    {
        var first = await DocAsync(query);
        Assert.Single(first["data"]!.AsArray());
        Assert.NotEmpty(first["included"]!.AsArray());
        var next = first["links"]!["next"]!.GetValue<string>();
        Assert.Contains("page%5Bafter%5D=", next, StringComparison.Ordinal);
        Assert.Contains($"include={include}", next, StringComparison.Ordinal);

        var second = await DocAsync(next);
        Assert.Single(second["data"]!.AsArray());
        Assert.NotEqual(first["data"]![0]!["id"]!.GetValue<long>(), second["data"]![0]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Without_page_size_the_default_page_applies_and_without_include_nothing_is_sideloaded()
    {
        Fake.PageSize = 1;

        var doc = await DocAsync("prospects");

        Assert.Single(doc["data"]!.AsArray());
        Assert.NotNull(doc["links"]!["next"]);
        Assert.Null(doc["included"]);
    }

    [Fact]
    public async Task The_last_page_has_no_next_link()
    {
        var doc = await DocAsync("mailings?filter[customTrackingId]=ct-jane&include=user");
        Assert.Single(doc["data"]!.AsArray());
        Assert.Null(doc["links"]!["next"]);
    }

    [Fact]
    public async Task A_click_through_on_a_later_page_is_found_with_its_time_and_sender()
    {
        var clicked = Fake.Time.GetUtcNow().AddMinutes(-1);
        clicked = clicked.AddTicks(-(clicked.Ticks % TimeSpan.TicksPerMillisecond));
        Fake.AddMailing(
            18,
            42,
            long.Parse(OutreachWorld.Owner.Id, CultureInfo.InvariantCulture),
            "ct-steps",
            clickedAt: null
        );
        Fake.AddMailing(
            18,
            42,
            long.Parse(OutreachWorld.Owner.Id, CultureInfo.InvariantCulture),
            "ct-steps",
            clickedAt: null
        );
        Fake.AddMailing(18, 42, long.Parse(OutreachWorld.Sender.Id, CultureInfo.InvariantCulture), "ct-steps", clicked);
        Fake.PageSize = 2;

        var click = await _world.Connector().ResolveClickThroughAsync("ct-steps", CancellationToken.None);

        Assert.Equal(clicked, click!.ClickedAt);
        Assert.Equal(OutreachWorld.Sender.Email, click.SequenceOwner.Email);
        Assert.Equal(2, Fake.CountRequests("GET", "/api/v2/mailings"));
    }

    private async Task<JsonNode> DocAsync(string query)
    {
        using var response = await Raw.GetAsync(query);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _raw?.Dispose();
        await _world.DisposeAsync();
    }
}
