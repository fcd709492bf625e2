using System.Text.Json.Nodes;
using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Sdk.Connectors;
using IntegrationHub.Sdk.Errors;
using Microsoft.Extensions.Options;
using static IntegrationHub.Connectors.Outreach.JsonApiDocument;

namespace IntegrationHub.Connectors.Outreach;

/// <summary>
/// Sequencing over Outreach API v2 (JSON:API): prospects by email with their sequence states
/// and owners, click-throughs resolved through the mailing that carried the tracked link,
/// repeat-safe enrolment, and finishing running sequences; it also takes Outreach's webhooks
/// (OutreachConnector.Webhooks.cs).
/// </summary>
[Connector(Name, typeof(OutreachOptions), Version = "1.0.0")]
public sealed partial class OutreachConnector(OutreachApi api, IOptionsMonitor<OutreachOptions> options)
    : ISequencingConnector
{
    public const string Name = "Outreach";

    private static readonly HashSet<string> Running = ["active", "pending", "paused"];

    public async Task<Prospect?> GetProspectByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var page = await api.SendAsync(
            HttpMethod.Get,
            $"prospects?filter[emails]={Uri.EscapeDataString(email)}&include=owner",
            null,
            cancellationToken
        );
        var prospect = page!.Data.FirstOrDefault();
        return prospect is null ? null : await ProspectAsync(prospect, page, cancellationToken);
    }

    public async Task<IReadOnlyList<SequenceState>> ListSequenceStatesAsync(
        string prospectId,
        CancellationToken cancellationToken
    )
    {
        OutreachIds.Require(("prospect_id", prospectId));
        return await StatesAsync(
            $"sequenceStates?filter[prospect][id]={Uri.EscapeDataString(prospectId)}&include=sequence,mailbox",
            cancellationToken
        );
    }

    public async Task<ClickThrough?> ResolveClickThroughAsync(string token, CancellationToken cancellationToken)
    {
        // Every mailing of a sequence carries the same tracking id; the click may be on any page, so read them all
        // and take the one clicked last (or the first, if none was clicked yet).
        var (mailings, pages) = await api.ListAsync(
            $"mailings?filter[customTrackingId]={Uri.EscapeDataString(token)}&include=user",
            cancellationToken
        );
        var mailing = mailings
            .OrderByDescending(m => TimeAttr(m, "clickedAt") ?? DateTimeOffset.MinValue)
            .FirstOrDefault();
        var page = pages.FirstOrDefault(p => mailing is not null && p.Data.Contains(mailing));
        if (mailing is null || page is null || RelatedId(mailing, "prospect") is not { } prospectId)
        {
            return null;
        }

        var prospectDoc = await api.SendAsync(
            HttpMethod.Get,
            $"prospects/{prospectId}?include=owner",
            null,
            cancellationToken,
            notFoundIsNull: true
        );
        if (prospectDoc?.Data.FirstOrDefault() is not { } prospectNode)
        {
            return null;
        }

        var sender = Rep(page.Included("user", RelatedId(mailing, "user")), RelatedId(mailing, "user"));
        var prospect = await ProspectAsync(prospectNode, prospectDoc, cancellationToken);
        return new ClickThrough(
            prospect,
            sender ?? prospect.Owner ?? new SequencingRep("", "", ""),
            RelatedId(mailing, "sequence") ?? "",
            TimeAttr(mailing, "clickedAt")
        );
    }

    public async Task<Enrollment> EnrollProspectAsync(EnrollmentRequest request, CancellationToken cancellationToken)
    {
        OutreachIds.Require(
            ("prospect_id", request.ProspectId),
            ("sequence_id", request.SequenceId),
            ("mailbox_id", request.MailboxId)
        );
        // The pipeline may repeat a POST; an existing state for this prospect and sequence
        // means an earlier attempt (or person) enrolled it already.
        var existing = (
            await StatesAsync(
                $"sequenceStates?filter[prospect][id]={Uri.EscapeDataString(request.ProspectId)}"
                    + $"&filter[sequence][id]={Uri.EscapeDataString(request.SequenceId)}&include=sequence,mailbox",
                cancellationToken
            )
        ).FirstOrDefault();
        if (existing is not null)
        {
            return new Enrollment(existing, Created: false);
        }

        var body = new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["type"] = "sequenceState",
                ["relationships"] = new JsonObject
                {
                    ["prospect"] = Ref("prospect", request.ProspectId),
                    ["sequence"] = Ref("sequence", request.SequenceId),
                    ["mailbox"] = Ref("mailbox", request.MailboxId),
                },
            },
        };
        var created = await api.SendAsync(HttpMethod.Post, "sequenceStates", body, cancellationToken);
        var state = created!.Data.FirstOrDefault()
            ?? throw new ConnectorException(ConnectorErrorKind.VendorProtocol, "Outreach returned no sequence state.")
            {
                Vendor = Name,
            };
        return new Enrollment(State(state, created), Created: true);
    }

    public async Task<Enrollment> EnrollPersonAsync(PersonEnrollment request, CancellationToken cancellationToken)
    {
        OutreachIds.Require(("sequence_id", request.SequenceId));
        var prospectId = await FindOrCreateProspectAsync(request, cancellationToken);
        var mailboxes = await api.SendAsync(
            HttpMethod.Get,
            $"mailboxes?filter[email]={Uri.EscapeDataString(request.OwnerEmail)}",
            null,
            cancellationToken
        );
        var mailboxId = mailboxes!.Data.Select(Id).FirstOrDefault()
            ?? throw new ConnectorException(
                ConnectorErrorKind.NotFound,
                $"Outreach has no mailbox for {request.OwnerEmail}."
            )
            {
                Vendor = Name,
                Reason = "MAILBOX_NOT_FOUND",
            };
        return await EnrollProspectAsync(
            new EnrollmentRequest(prospectId, request.SequenceId, mailboxId, request.IdempotencyKey),
            cancellationToken
        );
    }

    /// <summary>One prospect per email: a repeat, or a create that lost a race, finds the one that exists.</summary>
    private async Task<string> FindOrCreateProspectAsync(PersonEnrollment request, CancellationToken cancellationToken)
    {
        if (await ProspectIdAsync(request.Email, cancellationToken) is { } existing)
        {
            return existing;
        }

        var body = new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["type"] = "prospect",
                ["attributes"] = new JsonObject
                {
                    ["emails"] = new JsonArray(request.Email),
                    ["firstName"] = request.FirstName,
                    ["lastName"] = request.LastName,
                    ["title"] = request.Title,
                    ["company"] = request.Company,
                },
            },
        };
        try
        {
            var created = await api.SendAsync(HttpMethod.Post, "prospects", body, cancellationToken);
            return created!.Data.Select(Id).FirstOrDefault()
                ?? throw new ConnectorException(ConnectorErrorKind.VendorProtocol, "Outreach returned no prospect.")
                {
                    Vendor = Name,
                };
        }
        catch (ConnectorException e)
            when (e.Kind == ConnectorErrorKind.InvalidArgument
                && e.Message.Contains("taken", StringComparison.OrdinalIgnoreCase)
            )
        {
            // "Emails has already been taken": an earlier attempt created it after all.
            if (await ProspectIdAsync(request.Email, cancellationToken) is { } raced)
            {
                return raced;
            }

            throw;
        }
    }

    private async Task<string?> ProspectIdAsync(string email, CancellationToken cancellationToken) =>
        (
            await api.SendAsync(
                HttpMethod.Get,
                $"prospects?filter[emails]={Uri.EscapeDataString(email)}",
                null,
                cancellationToken
            )
        )!
            .Data.Select(Id)
            .FirstOrDefault();

    public async Task<int> FinishProspectSequencesAsync(string prospectId, CancellationToken cancellationToken)
    {
        OutreachIds.Require(("prospect_id", prospectId));
        var (states, _) = await api.ListAsync(
            $"sequenceStates?filter[prospect][id]={Uri.EscapeDataString(prospectId)}",
            cancellationToken
        );
        var running = states.Where(s => Running.Contains(Attr(s, "state"))).ToList();
        foreach (var state in running)
        {
            await api.SendAsync(HttpMethod.Post, $"sequenceStates/{Id(state)}/actions/finish", null, cancellationToken);
        }

        return running.Count;
    }

    private async Task<Prospect> ProspectAsync(
        JsonNode prospect,
        JsonApiDocument document,
        CancellationToken cancellationToken
    )
    {
        var id = Id(prospect)!;
        var ownerId = RelatedId(prospect, "owner");
        var owner = Rep(document.Included("user", ownerId), ownerId);
        var emails = (prospect["attributes"]?["emails"] as JsonArray ?? [])
            .Select(e => e?.GetValue<string>() ?? "")
            .Where(e => e.Length > 0)
            .ToList();
        return new Prospect(
            id,
            emails,
            Attr(prospect, "firstName"),
            Attr(prospect, "lastName"),
            Attr(prospect, "title"),
            Attr(prospect, "company"),
            owner,
            await ListSequenceStatesAsync(id, cancellationToken)
        );
    }

    private async Task<IReadOnlyList<SequenceState>> StatesAsync(string path, CancellationToken cancellationToken)
    {
        var (data, pages) = await api.ListAsync(path, cancellationToken);
        return [.. data.Select(s => State(s, pages.FirstOrDefault(p => p.Data.Contains(s)) ?? pages[0]))];
    }

    private static SequenceState State(JsonNode state, JsonApiDocument document)
    {
        var sequence = document.Included("sequence", RelatedId(state, "sequence"));
        var mailbox = document.Included("mailbox", RelatedId(state, "mailbox"));
        var rep = mailbox is null
            ? null
            : new SequencingRep(
                mailbox["attributes"]?["userId"]?.ToJsonString().Trim('"') ?? Id(mailbox)!,
                Attr(mailbox, "email"),
                Attr(mailbox, "displayName")
            );
        return new SequenceState(
            Id(state)!,
            RelatedId(state, "sequence") ?? "",
            sequence is null ? "" : Attr(sequence, "name"),
            Kind(Attr(state, "state")),
            rep,
            TimeAttr(state, "stateChangedAt"),
            IntAttr(state, "replyCount")
        );
    }

    private static SequencingRep? Rep(JsonNode? user, string? id) =>
        user is null
            ? (id is null ? null : new SequencingRep(id, "", ""))
            : new SequencingRep(Id(user)!, Attr(user, "email"), Attr(user, "name"));

    private static SequenceStateKind Kind(string state) =>
        state switch
        {
            "active" => SequenceStateKind.Active,
            "pending" => SequenceStateKind.Pending,
            "paused" => SequenceStateKind.Paused,
            "finished" => SequenceStateKind.Finished,
            "disabled" or "failed" or "bounced" or "opted_out" => SequenceStateKind.Stopped,
            _ => SequenceStateKind.Unspecified,
        };

    private static JsonObject Ref(string type, string id) =>
        new()
        {
            ["data"] = new JsonObject { ["type"] = type, ["id"] = long.TryParse(id, out var n) ? n : (JsonNode)id },
        };
}
