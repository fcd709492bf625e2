using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.FakeKit;

namespace PartnerName.Connector.Fake;

/// <summary>
/// A fake of the PartnerName marketing API. Records are the SDK's as JSON.
/// <list type="bullet">
/// <item><c>GET /v1/programs?tagType=&amp;tagValue=</c>: <c>{"records": [...]}</c>, in no particular order</item>
/// <item><c>GET /v1/engagement?email=</c>: one person's engagement, 404 for an unknown email</item>
/// </list>
/// </summary>
public sealed class PartnerNameFake(TimeProvider? time = null) : PartnerNameApi(time)
{
    /// <summary>What the fake was last seeded with.</summary>
    public PartnerNameSandboxSeed Seeded { get; private set; } = new([], []);

    /// <summary>Replaces the programs and engagements the fake holds.</summary>
    public void Seed(PartnerNameSandboxSeed world) => Seeded = world;

    /// <summary>The sandbox hub's demo world, seeded at <paramref name="now"/>.</summary>
    public void SeedDemoWorld(DateTimeOffset now) => Seed(PartnerNameSandboxSeed.At(now));

    /// <inheritdoc />
    protected override FakeResponse Answer(FakeRequest request)
    {
        if (request.Is("GET", "/v1/programs"))
        {
            var tag = new ProgramTag(request.QueryValue("tagType") ?? "", request.QueryValue("tagValue") ?? "");
            return string.IsNullOrEmpty(tag.TagType)
                ? Error(400, "tagType is required", "tagType")
                : Json(200, new { records = Seeded.Programs.Where(p => p.Tags.Contains(tag)).ToList() });
        }

        if (request.Is("GET", "/v1/engagement"))
        {
            var email = request.QueryValue("email");
            var found = Seeded.Engagements.FirstOrDefault(e =>
                string.Equals(e.Email, email, StringComparison.OrdinalIgnoreCase)
            );
            return found is null ? Error(404, "not_found") : Json(200, found);
        }

        return Error(404, "no_such_endpoint");
    }
}
