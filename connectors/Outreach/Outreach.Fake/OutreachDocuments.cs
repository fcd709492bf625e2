using System.Globalization;
using System.Text.Json.Nodes;
using IntegrationHub.Sdk.FakeKit;

namespace IntegrationHub.Connectors.Outreach.Fake;

/// <summary>The fake's resources, rendered as Outreach's JSON:API documents.</summary>
internal sealed class OutreachDocuments(OutreachFake fake, Uri baseUrl)
{
    public FakeResponse Answer(FakeRequest request, ref long nextId)
    {
        var path = request.Path.StartsWith("/api/v2/", StringComparison.Ordinal)
            ? request.Path["/api/v2/".Length..]
            : "";
        var parts = path.Split('/');
        return (request.Method.ToUpperInvariant(), parts) switch
        {
            ("GET", ["prospects"]) => Prospects(request),
            ("GET", ["prospects", var id]) => Prospect(Id(id), request),
            ("POST", ["prospects"]) => CreateProspect(request, ref nextId),
            ("GET", ["mailboxes"]) => Mailboxes(request),
            ("GET", ["users", var id]) => fake.Users.FirstOrDefault(u => u.Id == Id(id)) is { } user
                ? Doc(User(user))
                : NotFound(),
            ("GET", ["sequenceStates"]) => States(request),
            ("POST", ["sequenceStates"]) => Enroll(request, ref nextId),
            ("POST", ["sequenceStates", var id, "actions", "finish"]) => Finish(Id(id)),
            ("GET", ["mailings"]) => Mailings(request),
            _ => NotFound(),
        };
    }

    private FakeResponse Prospects(FakeRequest request)
    {
        var email = request.QueryValue("filter[emails]");
        var (matches, next) = OutreachPaging.Page(
            fake.Prospects.Where(p => email is null || p.Emails.Contains(email, StringComparer.OrdinalIgnoreCase)),
            p => p.Id,
            request,
            fake.PageSize,
            baseUrl,
            "prospects"
        );
        var data = new JsonArray([.. matches.Select(Prospect)]);
        var included = OutreachPaging.Includes(request, "owner")
            ? new JsonArray([
                .. matches
                    .Select(p => fake.Users.FirstOrDefault(u => u.Id == p.OwnerId))
                    .OfType<FakeUser>()
                    .DistinctBy(u => u.Id)
                    .Select(User),
            ])
            : null;
        return Doc(data, included, next);
    }

    private FakeResponse CreateProspect(FakeRequest request, ref long nextId)
    {
        var attributes = request.Json()?["data"]?["attributes"];
        var emails = (attributes?["emails"] as JsonArray ?? [])
            .Select(e => e?.GetValue<string>() ?? "")
            .Where(e => e.Length > 0)
            .ToList();
        if (emails.Count == 0)
        {
            return Error(
                422,
                "validationError",
                "Validation Error",
                "Emails can't be blank",
                "/data/attributes/emails"
            );
        }

        if (fake.Prospects.Any(p => p.Emails.Intersect(emails, StringComparer.OrdinalIgnoreCase).Any()))
        {
            return Error(
                422,
                "validationError",
                "Validation Error",
                "Emails has already been taken",
                "/data/attributes/emails"
            );
        }

        string Text(string name) => attributes?[name]?.GetValue<string>() ?? "";
        var prospect = new FakeProspect(
            ++nextId,
            emails,
            Text("firstName"),
            Text("lastName"),
            Text("title"),
            Text("company"),
            null
        );
        fake.Prospects.Add(prospect);
        return new FakeResponse(
            201,
            new JsonObject { ["data"] = Prospect(prospect) }.ToJsonString(),
            ContentType: "application/vnd.api+json"
        );
    }

    private FakeResponse Mailboxes(FakeRequest request)
    {
        var email = request.QueryValue("filter[email]");
        var (page, next) = OutreachPaging.Page(
            fake.Users.Where(u => email is null || string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase)),
            u => u.Id,
            request,
            fake.PageSize,
            baseUrl,
            "mailboxes"
        );
        var included = OutreachPaging.Includes(request, "user") ? new JsonArray([.. page.Select(User)]) : null;
        return Doc(new JsonArray([.. page.Select(Mailbox)]), included, next);
    }

    /// <summary>A user's mailbox; the fake gives each user one, with the user's id.</summary>
    private static JsonObject Mailbox(FakeUser user) =>
        Resource(
            "mailbox",
            user.Id,
            new JsonObject
            {
                ["email"] = user.Email,
                ["userId"] = user.Id,
                ["displayName"] = user.Name,
            }
        );

    private FakeResponse Prospect(long id, FakeRequest request)
    {
        var prospect = fake.Prospects.FirstOrDefault(p => p.Id == id);
        if (prospect is null)
        {
            return NotFound();
        }

        var owner = fake.Users.FirstOrDefault(u => u.Id == prospect.OwnerId);
        return Doc(
            Prospect(prospect),
            owner is null || request.QueryValue("include") is null ? null : new JsonArray(User(owner))
        );
    }

    private FakeResponse States(FakeRequest request)
    {
        var prospect = request.QueryValue("filter[prospect][id]");
        var sequence = request.QueryValue("filter[sequence][id]");
        var (page, next) = OutreachPaging.Page(
            fake.States.Where(s => prospect is null || s.ProspectId.ToString(CultureInfo.InvariantCulture) == prospect)
                .Where(s => sequence is null || s.SequenceId.ToString(CultureInfo.InvariantCulture) == sequence),
            s => s.Id,
            request,
            fake.PageSize,
            baseUrl,
            "sequenceStates"
        );
        var included = new JsonArray();
        if (OutreachPaging.Includes(request, "sequence"))
        {
            foreach (var id in page.Select(s => s.SequenceId).Distinct())
            {
                included.Add(
                    Resource(
                        "sequence",
                        id,
                        new JsonObject
                        {
                            ["name"] = fake.Sequences.GetValueOrDefault(id, $"Sequence {id}"),
                            ["enabled"] = true,
                        }
                    )
                );
            }
        }

        if (OutreachPaging.Includes(request, "mailbox"))
        {
            foreach (
                var user in page.Select(s => fake.Users.FirstOrDefault(u => u.Id == s.MailboxId))
                    .OfType<FakeUser>()
                    .DistinctBy(u => u.Id)
            )
            {
                included.Add(Mailbox(user));
            }
        }

        return Doc(new JsonArray([.. page.Select(State)]), included.Count > 0 ? included : null, next);
    }

    private FakeResponse Enroll(FakeRequest request, ref long nextId)
    {
        var relationships = request.Json()?["data"]?["relationships"];
        long? Ref(string name) => relationships?[name]?["data"]?["id"]?.GetValue<long>();
        var prospect = Ref("prospect");
        var sequence = Ref("sequence");
        var mailbox = Ref("mailbox");
        if (prospect is null || fake.Prospects.All(p => p.Id != prospect))
        {
            return Error(
                422,
                "validationError",
                "Validation Error",
                "Prospect can't be blank",
                "/data/relationships/prospect"
            );
        }

        if (sequence is null || mailbox is null || fake.Users.All(u => u.Id != mailbox))
        {
            return Error(
                422,
                "validationError",
                "Validation Error",
                sequence is null ? "Sequence can't be blank" : "Mailbox can't be blank",
                sequence is null ? "/data/relationships/sequence" : "/data/relationships/mailbox"
            );
        }

        var state = new FakeState(
            ++nextId,
            prospect.Value,
            sequence.Value,
            mailbox.Value,
            "active",
            fake.Time.GetUtcNow(),
            0
        );
        fake.States.Add(state);
        return new FakeResponse(
            201,
            new JsonObject { ["data"] = State(state) }.ToJsonString(),
            ContentType: "application/vnd.api+json"
        );
    }

    private FakeResponse Finish(long id)
    {
        var state = fake.States.FirstOrDefault(s => s.Id == id);
        if (state is null)
        {
            return NotFound();
        }

        state.State = "finished";
        state.StateChangedAt = fake.Time.GetUtcNow();
        return Doc(State(state));
    }

    private FakeResponse Mailings(FakeRequest request)
    {
        var tracking = request.QueryValue("filter[customTrackingId]");
        var prospect = request.QueryValue("filter[prospect][id]");
        var (matches, next) = OutreachPaging.Page(
            fake.Mailings.Where(m => tracking is null || m.CustomTrackingId == tracking)
                .Where(m => prospect is null || m.ProspectId.ToString(CultureInfo.InvariantCulture) == prospect),
            m => m.Id,
            request,
            fake.PageSize,
            baseUrl,
            "mailings"
        );
        var included = OutreachPaging.Includes(request, "user")
            ? new JsonArray([
                .. matches
                    .Select(m => fake.Users.FirstOrDefault(u => u.Id == m.UserId))
                    .OfType<FakeUser>()
                    .DistinctBy(u => u.Id)
                    .Select(User),
            ])
            : null;
        return Doc(
            new JsonArray([
                .. matches.Select(m =>
                    Resource(
                        "mailing",
                        m.Id,
                        new JsonObject
                        {
                            ["mailingType"] = "sequence",
                            ["state"] = "delivered",
                            ["trackLinks"] = true,
                            ["clickCount"] = m.ClickedAt is null ? 0 : 1,
                            ["clickedAt"] = m.ClickedAt?.UtcDateTime.ToString(
                                "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
                                CultureInfo.InvariantCulture
                            ),
                        },
                        new JsonObject
                        {
                            ["prospect"] = Rel("prospect", m.ProspectId),
                            ["sequence"] = Rel("sequence", m.SequenceId),
                            ["user"] = Rel("user", m.UserId),
                        }
                    )
                ),
            ]),
            included,
            next
        );
    }

    private JsonObject Prospect(FakeProspect p) =>
        Resource(
            "prospect",
            p.Id,
            new JsonObject
            {
                ["emails"] = new JsonArray([.. p.Emails.Select(e => (JsonNode)e)]),
                ["firstName"] = p.FirstName,
                ["lastName"] = p.LastName,
                ["title"] = p.Title,
                ["company"] = p.Company,
                ["custom1"] = null,
            },
            new JsonObject
            {
                ["owner"] = p.OwnerId is { } owner ? Rel("user", owner) : new JsonObject { ["data"] = null },
                ["sequenceStates"] = new JsonObject
                {
                    ["links"] = new JsonObject
                    {
                        ["related"] = $"{baseUrl}api/v2/sequenceStates?filter%5Bprospect%5D%5Bid%5D={p.Id}",
                    },
                },
                ["mailings"] = new JsonObject
                {
                    ["links"] = new JsonObject
                    {
                        ["related"] = $"{baseUrl}api/v2/mailings?filter%5Bprospect%5D%5Bid%5D={p.Id}",
                    },
                },
            }
        );

    private static JsonObject State(FakeState s) =>
        Resource(
            "sequenceState",
            s.Id,
            new JsonObject
            {
                ["state"] = s.State,
                ["stateChangedAt"] = s.StateChangedAt.UtcDateTime.ToString(
                    "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
                    CultureInfo.InvariantCulture
                ),
                ["replyCount"] = s.ReplyCount,
                ["clickCount"] = 0,
                ["openCount"] = 0,
            },
            new JsonObject
            {
                ["prospect"] = Rel("prospect", s.ProspectId),
                ["sequence"] = Rel("sequence", s.SequenceId),
                ["mailbox"] = Rel("mailbox", s.MailboxId),
            }
        );

    private static JsonObject User(FakeUser u) =>
        Resource(
            "user",
            u.Id,
            new JsonObject
            {
                ["email"] = u.Email,
                ["name"] = u.Name,
                ["firstName"] = u.Name.Split(' ')[0],
            }
        );

    private static JsonObject Resource(string type, long id, JsonObject attributes, JsonObject? relationships = null)
    {
        var resource = new JsonObject
        {
            ["type"] = type,
            ["id"] = id,
            ["attributes"] = attributes,
        };
        if (relationships is not null)
        {
            resource["relationships"] = relationships;
        }

        return resource;
    }

    private static JsonObject Rel(string type, long id) =>
        new()
        {
            ["data"] = new JsonObject { ["type"] = type, ["id"] = id },
        };

    private static FakeResponse Doc(JsonNode data, JsonArray? included = null, string? next = null)
    {
        var doc = new JsonObject { ["data"] = data };
        if (included is not null)
        {
            doc["included"] = included;
        }

        if (data is JsonArray)
        {
            doc["links"] = next is null ? new JsonObject() : new JsonObject { ["next"] = next };
        }

        return new FakeResponse(200, doc.ToJsonString(), ContentType: "application/vnd.api+json");
    }

    private static FakeResponse NotFound() =>
        Error(404, "resourceNotFound", "Resource Not Found", "Could not find the requested resource.");

    public static FakeResponse Error(int status, string id, string title, string detail, string? pointer = null)
    {
        var error = new JsonObject
        {
            ["id"] = id,
            ["title"] = title,
            ["detail"] = detail,
        };
        if (pointer is not null)
        {
            error["source"] = new JsonObject { ["pointer"] = pointer };
        }

        return new FakeResponse(
            status,
            new JsonObject { ["errors"] = new JsonArray(error) }.ToJsonString(),
            ContentType: "application/vnd.api+json"
        );
    }

    private static long Id(string value) => long.TryParse(value, out var n) ? n : -1;
}
