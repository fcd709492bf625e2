using System.CommandLine;
using IntegrationHub.Contracts.Events.V1;
using Spectre.Console;

namespace IntegrationHub.Cli.Commands;

/// <summary>hubctl events: who receives routing events (webhooks), and their signing secrets.</summary>
internal static class EventCommands
{
    /// <summary>The event types a subscription may choose (the hub checks them too).</summary>
    private static readonly string[] EventTypes =
    [
        "decision.made",
        "offer.accepted",
        "offer.declined",
        "offer.expired",
        "meeting.booked",
        "lead.reassigned",
    ];

    public static Command Create(HubOptions hub, IAnsiConsole console) =>
        new("events", "Subscribe receivers to routing events, list, ping and delete them (needs the admin scope)")
        {
            Subscribe(hub, console),
            List(hub, console),
            Delete(hub, console),
            Rotate(hub, console),
            Ping(hub, console),
        };

    private static Command Subscribe(HubOptions hub, IAnsiConsole console)
    {
        var url = new Argument<string>("url") { Description = "Where to POST events: https (http only to loopback)" };
        var types = new Option<string[]>("--type")
        {
            Description = "An event type to receive; repeat for several (" + string.Join(", ", EventTypes) + ")",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        types.CompletionSources.Add(EventTypes);
        var description = new Option<string>("--description") { Description = "What the receiver is for" };
        var command = new Command("subscribe", "Subscribe a URL; its signing secret is shown once and never again")
        {
            url,
            types,
            description,
        };
        HubAction.Answer(
            command,
            hub,
            console,
            async (connection, parse, ct) =>
            {
                var request = new CreateSubscriptionRequest
                {
                    Url = parse.GetValue(url)!,
                    Description = parse.GetValue(description) ?? "",
                };
                request.EventTypes.AddRange(parse.GetValue(types)!);
                return await Client(connection).CreateSubscriptionAsync(request, cancellationToken: ct);
            },
            (created, parse) => ShowSecret(console, "Subscribed", created.Subscription, created.Secret)
        );
        return command;
    }

    private static Command List(HubOptions hub, IAnsiConsole console)
    {
        var command = new Command("list", "List subscriptions (never their secrets)");
        HubAction.Answer(
            command,
            hub,
            console,
            async (connection, parse, ct) =>
                await Client(connection).ListSubscriptionsAsync(new ListSubscriptionsRequest(), cancellationToken: ct),
            (response, parse) =>
            {
                var all = response.Subscriptions;
                var table = Tables.Create(
                    $"{all.Count} subscriptions",
                    "Id",
                    "URL",
                    "Event types",
                    "Description",
                    "Created",
                    "By",
                    "Secret rotated"
                );
                foreach (var s in all)
                {
                    table.Row(
                        s.Id,
                        s.Url,
                        string.Join(", ", s.EventTypes),
                        s.Description,
                        s.CreateTime,
                        s.CreatedBy,
                        s.SecretRotateTime
                    );
                }

                console.Write(table);
                return HubAction.Done;
            }
        );
        return command;
    }

    private static Command Delete(HubOptions hub, IAnsiConsole console) =>
        ForOne(
            hub,
            console,
            "delete",
            "Delete a subscription; its undelivered events are dropped",
            async (client, id, ct) =>
                await client.DeleteSubscriptionAsync(new DeleteSubscriptionRequest { Id = id }, cancellationToken: ct),
            deleted =>
            {
                var (id, url) = (deleted.Subscription.Id, deleted.Subscription.Url);
                console.MarkupLineInterpolated($"[green]Deleted[/] {id} ({url}).");
                return HubAction.Done;
            }
        );

    private static Command Rotate(HubOptions hub, IAnsiConsole console) =>
        ForOne(
            hub,
            console,
            "rotate-secret",
            "Replace a subscription's signing secret; the new one is shown once",
            async (client, id, ct) =>
                await client.RotateSubscriptionSecretAsync(
                    new RotateSubscriptionSecretRequest { Id = id },
                    cancellationToken: ct
                ),
            rotated => ShowSecret(console, "Rotated the secret of", rotated.Subscription, rotated.Secret)
        );

    private static Command Ping(HubOptions hub, IAnsiConsole console) =>
        ForOne(
            hub,
            console,
            "ping",
            "Send a signed test event (com.integrationhub.ping) to a subscription now",
            async (client, id, ct) =>
                await client.PingSubscriptionAsync(new PingSubscriptionRequest { Id = id }, cancellationToken: ct),
            ping =>
            {
                if (ping.Delivered)
                {
                    console.MarkupLineInterpolated($"[green]Delivered[/]: the receiver answered {ping.HttpStatus}.");
                }
                else
                {
                    var answer = ping.HttpStatus == 0 ? ping.Error : $"it answered {ping.HttpStatus}";
                    console.MarkupLineInterpolated($"[red]Not delivered[/]: {answer}");
                }

                return ping.Delivered ? HubAction.Done : HubAction.Refused;
            },
            ping => ping.Delivered ? HubAction.Done : HubAction.Refused
        );

    /// <summary>A command on one subscription, named by its id.</summary>
    private static Command ForOne<TResponse>(
        HubOptions hub,
        IAnsiConsole console,
        string name,
        string description,
        Func<RoutingEventsService.RoutingEventsServiceClient, string, CancellationToken, Task<TResponse>> call,
        Func<TResponse, int> table,
        Func<TResponse, int>? exitCode = null
    )
        where TResponse : Google.Protobuf.IMessage
    {
        var id = new Argument<string>("subscription-id")
        {
            Description = "The subscription's id, from hubctl events list",
        };
        var command = new Command(name, description) { id };
        HubAction.Answer(
            command,
            hub,
            console,
            (connection, parse, ct) => call(Client(connection), parse.GetValue(id)!, ct),
            (response, _) => table(response),
            exitCode
        );
        return command;
    }

    private static int ShowSecret(IAnsiConsole console, string what, Subscription subscription, string secret)
    {
        var (id, url, types) = (subscription.Id, subscription.Url, string.Join(", ", subscription.EventTypes));
        console.MarkupLineInterpolated($"[green]{what}[/] {url} ({id}) for {types}.");
        console.MarkupLine("Signing secret (shown once; verify webhook-signature with it):");
        console.Profile.Out.Writer.WriteLine(secret);
        return HubAction.Done;
    }

    private static RoutingEventsService.RoutingEventsServiceClient Client(HubConnection connection) =>
        new(connection.Invoker);
}
