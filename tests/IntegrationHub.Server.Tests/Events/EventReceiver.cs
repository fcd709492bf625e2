using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace IntegrationHub.Server.Tests.Events;

/// <summary>
/// A subscriber's endpoint on a loopback port the system picks (WireMock): answers as told, keeps what it was sent,
/// and checks a signature the way the README tells a receiver to.
/// </summary>
public sealed class EventReceiver : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    /// <summary>Answers <paramref name="statuses"/> in turn, then the last one for ever.</summary>
    public EventReceiver(params int[] statuses)
    {
        const string scenario = "answers";
        for (var i = 0; i < statuses.Length; i++)
        {
            var rule = _server.Given(Request.Create().UsingPost().WithPath("/hook"));
            var inScenario = i == 0 ? rule.InScenario(scenario) : rule.InScenario(scenario).WhenStateIs($"{i}");
            var next = i < statuses.Length - 1 ? inScenario.WillSetStateTo($"{i + 1}") : inScenario;
            next.RespondWith(Response.Create().WithStatusCode(statuses[i]));
        }
    }

    public string Url => _server.Url + "/hook";

    /// <summary>What was POSTed, oldest first.</summary>
    public IReadOnlyList<Received> Requests =>
        [
            .. _server
                .LogEntries.Select(e => e.RequestMessage!)
                .OrderBy(m => m.DateTime)
                .Select(m => new Received(
                    m.Body ?? "",
                    m.Headers!.ToDictionary(
                        h => h.Key.ToLowerInvariant(),
                        h => h.Value.FirstOrDefault() ?? "",
                        StringComparer.Ordinal
                    )
                )),
        ];

    public void Dispose() => _server.Dispose();

    /// <summary>One delivery as the receiver saw it.</summary>
    public sealed record Received(string Body, IReadOnlyDictionary<string, string> Headers)
    {
        public JsonNode CloudEvent => JsonNode.Parse(Body)!;

        /// <summary>The Standard Webhooks check: HMAC-SHA256 of id.timestamp.body keyed with the secret.</summary>
        public bool SignedWith(string secret)
        {
            var key = Convert.FromBase64String(secret["whsec_".Length..]);
            var signed = Encoding.UTF8.GetBytes($"{Headers["webhook-id"]}.{Headers["webhook-timestamp"]}.{Body}");
            var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
            return Headers["webhook-signature"]
                .Split(' ')
                .Any(s =>
                    CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(s), Encoding.UTF8.GetBytes(expected))
                );
        }
    }
}
