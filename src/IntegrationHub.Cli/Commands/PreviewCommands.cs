using System.CommandLine;
using IntegrationHub.Cli.Output;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Routing.Policy;
using Spectre.Console;

namespace IntegrationHub.Cli.Commands;

/// <summary>hubctl preview: where a visitor or a lead would go, and why, with nothing stored or sent.</summary>
internal static class PreviewCommands
{
    public static Command Create(HubOptions hub, IAnsiConsole console) =>
        new("preview", "Where would this visitor or lead go, and why? Live facts, nothing stored or sent (admin)")
        {
            Visitor(hub, console),
            Lead(hub, console),
        };

    private static Option<FileInfo?> PolicyOption() =>
        new("--policy") { Description = "Decide under this candidate policy file instead of the running policy" };

    private static Command Visitor(HubOptions hub, IAnsiConsole console)
    {
        var ip = new Option<string>("--ip") { Description = "The visitor's IP address", Required = true };
        var page = new Option<string>("--page")
        {
            Description = "The page the visitor is on (absolute URL)",
            DefaultValueFactory = _ => "https://www.example.com/",
        };
        var email = new Option<string?>("--email") { Description = "The visitor's email, when known" };
        var policy = PolicyOption();
        var command = new Command("visitor", "Preview a live visitor's decision") { ip, page, email, policy };
        HubAction.Set(command, hub, console, async (connection, parse, ct) =>
        {
            var output = hub.OutputFor(parse, console);
            if (Candidate(output, parse.GetValue(policy)) is not { } candidate)
            {
                return HubAction.Invalid;
            }

            var preview = await new RoutingService.RoutingServiceClient(connection.Invoker).PreviewVisitorAsync(
                new PreviewVisitorRequest
                {
                    IpAddress = parse.GetValue(ip)!,
                    PageUrl = parse.GetValue(page)!,
                    Email = parse.GetValue(email) ?? "",
                    CandidatePolicy = candidate,
                },
                cancellationToken: ct
            );
            if (!output.IsTable)
            {
                return output.Write(preview);
            }

            console.MarkupLineInterpolated($"[bold]Preview[/] under the {preview.Policy} policy; nothing was stored.");
            DecisionView.Write(console, preview.Decision, "Would go to");
            return HubAction.Done;
        });
        return command;
    }

    private static Command Lead(HubOptions hub, IAnsiConsole console)
    {
        var email = new Option<string>("--email") { Description = "The lead's email", Required = true };
        var company = new Option<string>("--company") { Description = "The lead's company", Required = true };
        var lastName = new Option<string>("--last-name")
        {
            Description = "The lead's last name",
            DefaultValueFactory = _ => "Preview",
        };
        var country = new Option<string?>("--country") { Description = "ISO 3166 alpha-2 country code" };
        var title = new Option<string?>("--title") { Description = "The lead's job title" };
        var score = new Option<int>("--score")
        {
            Description = "The lead score (the MQL bar decides whether it is routed)",
            DefaultValueFactory = _ => 120,
        };
        var policy = PolicyOption();
        var command = new Command("lead", "Preview an inbound lead's decision and the side effects it would plan")
        {
            email,
            company,
            lastName,
            country,
            title,
            score,
            policy,
        };
        HubAction.Set(command, hub, console, async (connection, parse, ct) =>
        {
            var output = hub.OutputFor(parse, console);
            if (Candidate(output, parse.GetValue(policy)) is not { } candidate)
            {
                return HubAction.Invalid;
            }

            var preview = await new RoutingService.RoutingServiceClient(connection.Invoker).PreviewLeadAsync(
                new PreviewLeadRequest
                {
                    Lead = new LeadSubmission
                    {
                        Email = parse.GetValue(email)!,
                        Company = parse.GetValue(company)!,
                        LastName = parse.GetValue(lastName)!,
                        CountryCode = parse.GetValue(country) ?? "",
                        Title = parse.GetValue(title) ?? "",
                        LeadScore = parse.GetValue(score),
                    },
                    CandidatePolicy = candidate,
                },
                cancellationToken: ct
            );
            if (!output.IsTable)
            {
                return output.Write(preview);
            }

            console.MarkupLineInterpolated($"[bold]Preview[/] under the {preview.Policy} policy; nothing was stored.");
            DecisionView.Write(console, preview.Decision, "Would go to");
            var effects = Tables.Create("Side effects it would plan (none sent)", "Effect", "What");
            foreach (var effect in preview.PlannedEffects)
            {
                effects.Row(effect.Type, effect.Summary);
            }

            console.Write(effects);
            return HubAction.Done;
        });
        return command;
    }

    /// <summary>"" for the running policy, the candidate as validated here, or null when it is invalid.</summary>
    private static string? Candidate(CommandOutput output, FileInfo? file) =>
        file is null ? ""
        : PolicyCommands.Load(output, file.FullName) is { } policy ? PolicyFile.Serialize(policy)
        : null;
}
