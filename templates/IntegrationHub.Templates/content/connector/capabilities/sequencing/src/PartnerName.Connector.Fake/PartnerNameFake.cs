using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Sdk.FakeKit;

namespace PartnerName.Connector.Fake;

/// <summary>
/// A fake of the PartnerName sequencing API. Records are the SDK's as JSON; lists answer <c>{"records": [...]}</c>.
/// <list type="bullet">
/// <item><c>GET /v1/prospects?email=</c>; <c>GET /v1/prospects/{id}/sequence-states</c> (404 unknown prospect)</item>
/// <item><c>GET /v1/click-throughs/{token}</c>: the prospect, the sequence and its owner; 404 unknown token</item>
/// <item><c>POST /v1/enrollments</c> <c>{prospectId, sequenceId, mailboxId, idempotencyKey}</c>: 201 the new state,
/// 200 the same one for a repeated key or a prospect already in the sequence, 422 an unknown prospect</item>
/// <item><c>POST /v1/prospects/{id}/finish</c>: <c>{"count": n}</c> sequences finished</item>
/// </list>
/// </summary>
public sealed class PartnerNameFake(TimeProvider? time = null) : PartnerNameApi(time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _stateByKey = [];
    private List<Prospect> _prospects = [];
    private int _nextId = 9500;

    /// <summary>What the fake was last seeded with.</summary>
    public PartnerNameSandboxSeed Seeded { get; private set; } = new([], [], [], ("", ""));

    /// <summary>Replaces the reps, prospects and click-throughs the fake holds.</summary>
    public void Seed(PartnerNameSandboxSeed world)
    {
        lock (_gate)
        {
            (Seeded, _prospects) = (world, [.. world.Prospects]);
            _stateByKey.Clear();
        }
    }

    /// <summary>The sandbox hub's demo world, seeded at <paramref name="now"/>.</summary>
    public void SeedDemoWorld(DateTimeOffset now) => Seed(PartnerNameSandboxSeed.At(now));

    /// <inheritdoc />
    protected override FakeResponse Answer(FakeRequest request)
    {
        var path = request.Path.Trim('/').Split('/');
        lock (_gate)
        {
            return (request.Method.ToUpperInvariant(), path) switch
            {
                ("GET", ["v1", "prospects"]) => Records(
                    _prospects.Where(p =>
                        p.Emails.Contains(request.QueryValue("email") ?? "", StringComparer.OrdinalIgnoreCase)
                    )
                ),
                ("GET", ["v1", "prospects", var id, "sequence-states"]) => Find(id) is { } p
                    ? Records(p.SequenceStates)
                    : Error(404, "not_found"),
                ("GET", ["v1", "click-throughs", var token]) => Click(Uri.UnescapeDataString(token)),
                ("POST", ["v1", "enrollments"]) => Enrol(request),
                ("POST", ["v1", "prospects", var id, "finish"]) => Finish(id),
                _ => Error(404, "no_such_endpoint"),
            };
        }
    }

    private static FakeResponse Records<T>(IEnumerable<T> records) => Json(200, new { records = records.ToList() });

    private Prospect? Find(string id) => _prospects.Find(p => p.Id == id);

    private FakeResponse Click(string token) =>
        Seeded.ClickThroughs.FirstOrDefault(c => c.Token == token) is { } click && Find(click.ProspectId) is { } p
            ? Json(200, new ClickThrough(p, click.SequenceOwner, click.SequenceId, click.ClickedAt))
            : Error(404, "not_found");

    private FakeResponse Enrol(FakeRequest request)
    {
        if (Read<EnrollmentRequest>(request) is not { } enrol)
        {
            return Error(400, "prospectId, sequenceId, mailboxId and idempotencyKey are required");
        }

        if (Find(enrol.ProspectId) is not { } prospect)
        {
            return Error(422, "no such prospect", "prospectId");
        }

        var existing = prospect.SequenceStates.FirstOrDefault(s =>
            (_stateByKey.TryGetValue(enrol.IdempotencyKey, out var id) && s.Id == id)
            || (s.SequenceId == enrol.SequenceId && s.State is SequenceStateKind.Active or SequenceStateKind.Pending)
        );
        if (existing is not null)
        {
            return Json(200, existing);
        }

        var state = new SequenceState(
            $"{_nextId++}",
            enrol.SequenceId,
            $"Sequence {enrol.SequenceId}",
            SequenceStateKind.Active,
            prospect.Owner,
            Time.GetUtcNow(),
            0
        );
        _stateByKey[enrol.IdempotencyKey] = state.Id;
        Replace(prospect with { SequenceStates = [.. prospect.SequenceStates, state] });
        return Json(201, state);
    }

    private FakeResponse Finish(string prospectId)
    {
        if (Find(prospectId) is not { } prospect)
        {
            return Error(404, "not_found");
        }

        var finishing = prospect.SequenceStates.Count(s =>
            s.State is SequenceStateKind.Active or SequenceStateKind.Paused
        );
        var now = Time.GetUtcNow();
        Replace(
            prospect with
            {
                SequenceStates =
                [
                    .. prospect.SequenceStates.Select(s =>
                        s.State is SequenceStateKind.Active or SequenceStateKind.Paused
                            ? s with
                            {
                                State = SequenceStateKind.Finished,
                                StateChangedAt = now,
                            }
                            : s
                    ),
                ],
            }
        );
        return Json(200, new { count = finishing });
    }

    private void Replace(Prospect prospect) => _prospects[_prospects.FindIndex(p => p.Id == prospect.Id)] = prospect;
}
