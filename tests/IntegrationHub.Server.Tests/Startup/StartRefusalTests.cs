using IntegrationHub.Testing;

namespace IntegrationHub.Server.Tests.Startup;

/// <summary>
/// Configuration on which the hub cannot work is refused at start, by the hub as an operating
/// system process: one line on standard error naming the key, exit code 78, no stack trace.
/// </summary>
public sealed class StartRefusalTests
{
    public static TheoryData<string, string> Refusals() =>
        new()
        {
            { "jwt authority over plain http", "Auth:Jwt:Authority must be https://" },
            { "jwt signing key of 8 bytes", "Auth:Jwt:SigningKeys:0 is 8 bytes" },
            { "jwt signing key not base64", "Auth:Jwt:SigningKeys:0 is not base64" },
            { "unknown connector", "Capabilities:Crm:Connector names 'Dynamics'" },
        };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_setting_that_cannot_work_stops_the_start_with_one_line_naming_it(string name, string expected)
    {
        var (exitCode, error, output) = await HubProcess.RefusalAsync(Settings(name));

        Assert.Equal(78, exitCode);
        var line = Assert.Single(
            error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        );
        Assert.StartsWith("IntegrationHub refused to start: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_authority_starts_when_development_explicitly_allows_it()
    {
        var settings = Settings("jwt authority over plain http");
        settings["Auth:Jwt:AllowInsecureAuthority"] = "true";

        await using var hub = await HubProcess.StartAsync(settings);

        Assert.False(string.IsNullOrEmpty(hub.GrpcAddress.ToString()));
    }

    private static Dictionary<string, string?> Settings(string name)
    {
        var jwt = new Dictionary<string, string?>
        {
            ["Auth:Jwt:Issuer"] = "https://login.example.test/",
            ["Auth:Jwt:Audience"] = "integrationhub",
        };
        switch (name)
        {
            case "jwt authority over plain http":
                jwt["Auth:Jwt:Authority"] = "http://127.0.0.1:9/";
                return jwt;
            case "jwt signing key of 8 bytes":
                jwt["Auth:Jwt:SigningKeys:0"] = Convert.ToBase64String([1, 2, 3, 4, 5, 6, 7, 8]);
                return jwt;
            case "jwt signing key not base64":
                jwt["Auth:Jwt:SigningKeys:0"] = "not base64!";
                return jwt;
            default:
                return new() { ["Capabilities:Crm:Connector"] = "Dynamics" };
        }
    }
}
