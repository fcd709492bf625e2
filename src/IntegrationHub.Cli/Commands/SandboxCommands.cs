using System.CommandLine;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using IntegrationHub.Contracts.Routing.V1;
using Spectre.Console;

namespace IntegrationHub.Cli.Commands;

/// <summary>
/// hubctl sandbox: rehearse a vendor incident in sandbox mode by putting a connector's fake vendor down, slow,
/// throttled or failing a share of calls for a while, then healing it.
/// </summary>
internal static class SandboxCommands
{
    public static Command Create(HubOptions hub, IAnsiConsole console) =>
        new("sandbox", "Rehearse vendor incidents against the sandbox fakes (needs the admin scope)")
        {
            Condition(hub, console, "down", VendorConditionKind.Down, "Every call gets the vendor's outage answer"),
            Condition(hub, console, "slow", VendorConditionKind.Slow, "Every answer comes late by --latency"),
            Condition(
                hub,
                console,
                "throttle",
                VendorConditionKind.Throttled,
                "Every call gets the vendor's throttling answer, retry signal at the end of the condition"
            ),
            Condition(hub, console, "fail", VendorConditionKind.Failing, "--share % of the calls get the outage"),
            Condition(hub, console, "heal", VendorConditionKind.Healthy, "End the vendor's condition now"),
            Status(hub, console),
        };

    private static Command Condition(
        HubOptions hub,
        IAnsiConsole console,
        string name,
        VendorConditionKind kind,
        string description
    )
    {
        var connector = new Argument<string>("connector") { Description = "The connector, like Salesforce" };
        var command = new Command(name, description) { connector };
        var lasting = Since.Option("--for", "How long, like 5m or 1h (at most 24h)", TimeSpan.FromMinutes(5));
        var latency = LatencyOption(kind == VendorConditionKind.Slow ? TimeSpan.FromSeconds(2) : TimeSpan.Zero);
        var share = new Option<int>("--share")
        {
            Description = "Of every hundred calls, how many fail (1 to 100)",
            DefaultValueFactory = _ => 30,
        };
        if (kind != VendorConditionKind.Healthy)
        {
            command.Options.Add(lasting);
            command.Options.Add(latency);
        }

        if (kind == VendorConditionKind.Failing)
        {
            command.Options.Add(share);
        }

        HubAction.Answer(
            command,
            hub,
            console,
            async (connection, parse, ct) =>
            {
                var request = new SetVendorConditionRequest { Connector = parse.GetValue(connector)!, Kind = kind };
                if (kind != VendorConditionKind.Healthy)
                {
                    request.Duration = Duration.FromTimeSpan(parse.GetValue(lasting));
                    request.Latency = Duration.FromTimeSpan(parse.GetValue(latency));
                }

                if (kind == VendorConditionKind.Failing)
                {
                    request.FailureSharePercent = parse.GetValue(share);
                }

                return await new SandboxService.SandboxServiceClient(connection.Invoker).SetVendorConditionAsync(
                    request,
                    cancellationToken: ct
                );
            },
            (set, parse) =>
            {
                var (vendor, what) = (set.Condition.Connector, Describe(set.Condition));
                console.MarkupLineInterpolated($"[yellow]{vendor}[/] (sandbox) is now {what}.");
                return HubAction.Done;
            }
        );
        return command;
    }

    private static Command Status(HubOptions hub, IAnsiConsole console)
    {
        var command = new Command("status", "Show each sandbox vendor's condition");
        HubAction.Answer(
            command,
            hub,
            console,
            async (connection, parse, ct) =>
                await new SandboxService.SandboxServiceClient(connection.Invoker).ListVendorConditionsAsync(
                    new ListVendorConditionsRequest(),
                    cancellationToken: ct
                ),
            (response, parse) =>
            {
                var conditions = response.Conditions;
                if (conditions.Count == 0)
                {
                    console.MarkupLine("No connector runs in sandbox mode: every one talks to its real vendor.");
                    return HubAction.Done;
                }

                var table = Tables.Create($"{conditions.Count} sandbox vendors", "Connector", "Condition");
                foreach (var c in conditions)
                {
                    table.Row(c.Connector, Describe(c));
                }

                console.Write(table);
                return HubAction.Done;
            }
        );
        return command;
    }

    /// <summary>A condition as an operator reads it: "down until 15:10:00 UTC".</summary>
    public static string Describe(VendorCondition condition)
    {
        var what = condition.Kind switch
        {
            VendorConditionKind.Down => "down",
            VendorConditionKind.Slow => "slow",
            VendorConditionKind.Throttled => "throttled",
            VendorConditionKind.Failing => $"failing {condition.FailureSharePercent}% of calls",
            _ => "healthy",
        };
        var latency = condition.Latency?.ToTimeSpan() ?? TimeSpan.Zero;
        if (latency > TimeSpan.Zero)
        {
            what += $" (+{latency.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms)";
        }

        return condition.EndTime is { } end
            ? $"{what} until {end.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC"
            : what;
    }

    private static Option<TimeSpan> LatencyOption(TimeSpan fallback) =>
        new("--latency")
        {
            Description = "Added to every answer, like 500ms or 2s",
            DefaultValueFactory = _ => fallback,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                var (number, unit) =
                    text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 1.0)
                    : text.EndsWith('s') ? (text[..^1], 1000.0)
                    : ("", 0);
                if (unit > 0 && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
                {
                    return TimeSpan.FromMilliseconds(amount * unit);
                }

                result.AddError($"'{text}' is not a latency: use a number and ms or s, like 500ms or 2s");
                return default;
            },
        };
}
