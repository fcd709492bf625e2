using System.CommandLine;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using IntegrationHub.Cli.Output;
using Spectre.Console;

namespace IntegrationHub.Cli;

/// <summary>
/// Where the hub is and the key to call it with: options on every command, defaulting to HUB_URL and HUB_API_KEY.
/// </summary>
public sealed class HubOptions
{
    public const string DefaultAddress = "http://127.0.0.1:5080";

    public Option<Uri> Address { get; } =
        new("--hub")
        {
            Description = $"The hub's gRPC address (default: $HUB_URL, else {DefaultAddress})",
            Recursive = true,
            DefaultValueFactory = _ => new Uri(
                Environment.GetEnvironmentVariable("HUB_URL") is { Length: > 0 } url ? url : DefaultAddress
            ),
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    return uri;
                }

                result.AddError(
                    $"'{text}' is not a hub address: use http://host:port (plaintext HTTP/2) or https://host:port"
                );
                return null;
            },
        };

    // No default value factory: help would print the key from the environment.
    public Option<string?> ApiKey { get; } =
        new("--api-key")
        {
            Description = "The API key to call with (default: $HUB_API_KEY; the sandbox hub prints one when it starts)",
            Recursive = true,
        };

    public Option<OutputFormat> Output { get; } =
        new("--output", "-o")
        {
            Description = "table (default), json or yaml: the hub's answer as data for scripts (see the README)",
            Recursive = true,
            DefaultValueFactory = _ => OutputFormat.Table,
        };

    public HubOptions()
    {
        // Completed as typed on the command line (json), not as the enum spells it (Json).
        Output.CompletionSources.Clear();
        Output.CompletionSources.Add("table", "json", "yaml");
    }

    /// <summary>Where this invocation prints, in the format <c>--output</c> asked for.</summary>
    internal CommandOutput OutputFor(ParseResult parse, IAnsiConsole console) => new(console, parse.GetValue(Output));

    /// <summary>
    /// A call invoker for the hub named by the parsed options; the key travels as x-api-key on every call.
    /// </summary>
    public HubConnection Connect(ParseResult parse)
    {
        var address = parse.GetValue(Address)!;
        var channel = GrpcChannel.ForAddress(address);
        var key = parse.GetValue(ApiKey) ?? Environment.GetEnvironmentVariable("HUB_API_KEY");
        var invoker = key is { Length: > 0 }
            ? channel.Intercept(metadata =>
            {
                metadata.Add("x-api-key", key);
                return metadata;
            })
            : channel.CreateCallInvoker();
        return new HubConnection(channel, invoker, address);
    }
}

/// <summary>An open connection to the hub; clients are made from <see cref="Invoker"/>.</summary>
public sealed class HubConnection(GrpcChannel channel, CallInvoker invoker, Uri address) : IDisposable
{
    public CallInvoker Invoker { get; } = invoker;

    public Uri Address { get; } = address;

    public void Dispose() => channel.Dispose();
}
