using System.Security.Claims;
using Grpc.Core;
using Grpc.Net.Client;
using IntegrationHub.Contracts.Enrichment.V1;
using IntegrationHub.Server.Tests.Hosting;
using IntegrationHub.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IntegrationHub.Server.Tests.Security;

/// <summary>
/// Bearer tokens from a configured issuer: signature, issuer, audience, lifetime and scope all checked.
/// </summary>
public sealed class JwtBearerTests : IClassFixture<JwtBearerTests.Hub>
{
    private const string Issuer = "https://login.example.test/";
    private const string Audience = "integrationhub";

    // 64 bytes: long enough for HS512, so every HMAC algorithm may sign with it (RFC 7518 §3.2).
    private static readonly byte[] SigningKey = [.. Enumerable.Range(1, 64).Select(i => (byte)i)];

    private readonly Hub _hub;

    public JwtBearerTests(Hub hub) => _hub = hub;

    public sealed class Hub() : HubFactory(Settings())
    {
        private static Dictionary<string, string?> Settings()
        {
            var settings = MemorySettings();
            settings["Auth:Jwt:Issuer"] = Issuer;
            settings["Auth:Jwt:Audience"] = Audience;
            settings["Auth:Jwt:SigningKeys:0"] = Convert.ToBase64String(SigningKey);
            return settings;
        }
    }

    [Fact]
    public async Task A_valid_token_with_the_scope_is_accepted()
    {
        var reply = await Enrichment(Token(scope: "enrichment routing"))
            .IdentifyCompanyAsync(new IdentifyCompanyRequest { IpAddress = "198.51.100.7" });
        Assert.NotNull(reply);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.HmacSha256)]
    [InlineData(SecurityAlgorithms.HmacSha384)]
    [InlineData(SecurityAlgorithms.HmacSha512)]
    public async Task A_token_signed_with_any_algorithm_the_key_supports_is_accepted(string algorithm)
    {
        var reply = await Enrichment(Token(algorithm: algorithm))
            .IdentifyCompanyAsync(new IdentifyCompanyRequest { IpAddress = "198.51.100.7" });
        Assert.NotNull(reply);
    }

    public static TheoryData<string, StatusCode> Refused =>
        new()
        {
            { "routing", StatusCode.PermissionDenied },
            { "wrong-audience", StatusCode.Unauthenticated },
            { "wrong-issuer", StatusCode.Unauthenticated },
            { "expired", StatusCode.Unauthenticated },
            { "wrong-key", StatusCode.Unauthenticated },
        };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_token_that_fails_any_check_is_refused(string flaw, StatusCode expected)
    {
        var token = flaw switch
        {
            "routing" => Token(scope: "routing"),
            "wrong-audience" => Token(audience: "someone-else"),
            "wrong-issuer" => Token(issuer: "https://evil.example.test/"),
            "expired" => Token(expires: MachineNow.AddMinutes(-10)),
            _ => Token(key: [.. Enumerable.Range(100, 32).Select(i => (byte)i)]),
        };

        await RpcAssert.FailsWith(expected, () =>
            Enrichment(token)
                .IdentifyCompanyAsync(new IdentifyCompanyRequest { IpAddress = "198.51.100.7" })
                .ResponseAsync
        );
    }

    private EnrichmentService.EnrichmentServiceClient Enrichment(string token) =>
        new(
            GrpcChannel.ForAddress(
                _hub.Server.BaseAddress,
                new GrpcChannelOptions
                {
                    HttpHandler = HubCredentials.WithHeader(
                        _hub.Server.CreateHandler(),
                        "Authorization",
                        "Bearer " + token
                    ),
                }
            )
        );

    // The token library checks lifetimes against the machine's clock, not the hub's.
    private static DateTime MachineNow => TimeProvider.System.GetUtcNow().UtcDateTime;

    private static string Token(
        string scope = "enrichment",
        string audience = Audience,
        string issuer = Issuer,
        DateTime? expires = null,
        byte[]? key = null,
        string algorithm = SecurityAlgorithms.HmacSha256
    ) =>
        new JsonWebTokenHandler().CreateToken(
            new SecurityTokenDescriptor
            {
                Issuer = issuer,
                Audience = audience,
                Subject = new ClaimsIdentity([new Claim("sub", "router-service"), new Claim("scope", scope)]),
                NotBefore = (expires ?? MachineNow.AddMinutes(10)).AddMinutes(-20),
                Expires = expires ?? MachineNow.AddMinutes(10),
                IssuedAt = (expires ?? MachineNow.AddMinutes(10)).AddMinutes(-20),
                SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? SigningKey), algorithm),
            }
        );
}
