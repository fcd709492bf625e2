using System.CommandLine;
using IntegrationHub.Contracts.Admin.V1;
using Spectre.Console;

namespace IntegrationHub.Cli.Commands;

/// <summary>hubctl keys: issue, list and revoke the API keys callers use.</summary>
internal static class KeyCommands
{
    public static Command Create(HubOptions hub, IAnsiConsole console) =>
        new("keys", "Issue, list and revoke API keys (needs the admin scope)")
        {
            Issue(hub, console),
            List(hub, console),
            Revoke(hub, console),
        };

    private static Command Issue(HubOptions hub, IAnsiConsole console)
    {
        var name = new Option<string>("--name")
        {
            Description = "Who the key is for, like chat-widget or partner-acme",
            Required = true,
        };
        var scopes = new Option<string[]>("--scope")
        {
            Description =
                "A scope the key holds; repeat for several (routing, crm-read, crm-write, enrichment, sequencing, "
                + "marketing, meetings, admin)",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("issue", "Issue a key; its secret is shown once and never again") { name, scopes };
        HubAction.Answer(
            command,
            hub,
            console,
            async (connection, parse, ct) =>
            {
                var request = new IssueApiKeyRequest { Name = parse.GetValue(name)! };
                request.Scopes.AddRange(parse.GetValue(scopes)!);
                return await new ApiKeyService.ApiKeyServiceClient(connection.Invoker).IssueApiKeyAsync(
                    request,
                    cancellationToken: ct
                );
            },
            (issued, parse) =>
            {
                var (keyName, keyId, keyScopes) = (
                    issued.ApiKey.Name,
                    issued.ApiKey.Id,
                    string.Join(", ", issued.ApiKey.Scopes)
                );
                console.MarkupLineInterpolated($"[green]Issued[/] {keyName} ({keyId}) with {keyScopes}.");
                console.MarkupLine("Secret (shown once; the hub keeps only its hash):");
                console.Profile.Out.Writer.WriteLine(issued.Secret);
                return HubAction.Done;
            }
        );
        return command;
    }

    private static Command List(HubOptions hub, IAnsiConsole console)
    {
        var command = new Command("list", "List issued keys (never their secrets)");
        HubAction.Answer(
            command,
            hub,
            console,
            async (connection, parse, ct) =>
                await new ApiKeyService.ApiKeyServiceClient(connection.Invoker).ListApiKeysAsync(
                    new ListApiKeysRequest(),
                    cancellationToken: ct
                ),
            (response, parse) =>
            {
                var keys = response.ApiKeys;
                var table = Tables.Create($"{keys.Count} keys", "Id", "Name", "Scopes", "Created", "Revoked");
                foreach (var k in keys)
                {
                    table.Row(k.Id, k.Name, string.Join(", ", k.Scopes), k.CreateTime, k.RevokeTime);
                }

                console.Write(table);
                return HubAction.Done;
            }
        );
        return command;
    }

    private static Command Revoke(HubOptions hub, IAnsiConsole console)
    {
        var id = new Argument<string>("key-id")
        {
            Description = "The key's id (not its secret), from hubctl keys list",
        };
        var command = new Command(
            "revoke",
            "Revoke a key: calls with it fail from now on (other hub instances within 5 s)"
        )
        {
            id,
        };
        HubAction.Answer(
            command,
            hub,
            console,
            async (connection, parse, ct) =>
                await new ApiKeyService.ApiKeyServiceClient(connection.Invoker).RevokeApiKeyAsync(
                    new RevokeApiKeyRequest { Id = parse.GetValue(id)! },
                    cancellationToken: ct
                ),
            (response, parse) =>
            {
                var revoked = response.ApiKey;
                console.MarkupLineInterpolated(
                    $"[green]Revoked[/] {revoked.Name} ({revoked.Id}) at {Tables.Format(revoked.RevokeTime)}."
                );
                return HubAction.Done;
            }
        );
        return command;
    }
}
