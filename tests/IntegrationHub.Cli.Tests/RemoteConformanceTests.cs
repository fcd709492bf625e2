using IntegrationHub.Contracts.Connector.V1;

namespace IntegrationHub.Cli.Tests;

/// <summary>
/// `hubctl conformance --capability crm|sequencing|marketing|meetings` against a real remote gRPC process for each
/// (<see cref="ConnectorRemote"/>: the hub's own connector served over gRPC against its fake): the one that keeps the
/// contract passes every check, and one that drops its field violations fails the invalid-argument check, exit 1.
/// </summary>
public sealed class RemoteConformanceTests
{
    /// <summary>
    /// hubctl's 5 s default per call is short for a remote's first call on a CI machine building beside it (its
    /// connector's first token exchange and JIT): the checks are about answers, not speed.
    /// </summary>
    private static Task<HubCtlRun> ConformanceAsync(string capability, ConnectorRemote remote, params string[] more) =>
        HubCtlRun.RunAsync([
            "conformance",
            "--capability",
            capability,
            "--endpoint",
            remote.Endpoint,
            "--timeout",
            "00:00:20",
            .. more,
        ]);

    public static TheoryData<Capability, string> Capabilities =>
        new()
        {
            { Capability.Crm, "crm" },
            { Capability.Sequencing, "sequencing" },
            { Capability.Marketing, "marketing" },
            { Capability.Meetings, "meetings" },
        };

    [Theory]
    [MemberData(nameof(Capabilities))]
    public async Task A_remote_keeping_the_contract_passes_every_check(Capability capability, string name)
    {
        await using var remote = await ConnectorRemote.StartAsync(capability);

        var run = await ConformanceAsync(name, remote);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("7 of 7 checks passed.", run.Output, StringComparison.Ordinal);
        foreach (var check in new[] { "describe", "health", "valid request", "invalid argument", "not found" })
        {
            Assert.Contains("PASS " + check, run.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Capabilities))]
    public async Task A_remote_dropping_its_field_violations_fails_the_invalid_argument_check(
        Capability capability,
        string name
    )
    {
        await using var remote = await ConnectorRemote.StartAsync(
            capability,
            ConnectorRemote.Broken.FieldViolationsDropped
        );

        var run = await ConformanceAsync(name, remote);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL invalid argument", run.Output, StringComparison.Ordinal);
        Assert.Contains("without a google.rpc.BadRequest field violation", run.Output, StringComparison.Ordinal);
        Assert.Contains("PASS valid request", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sample_the_remote_does_not_know_fails_the_valid_request_check_saying_not_found()
    {
        await using var remote = await ConnectorRemote.StartAsync(Capability.Crm);

        var run = await ConformanceAsync("crm", remote, "--sample", "unknown.example");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL valid request: answered NotFound", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_capability_without_a_check_list_is_invalid_input()
    {
        var run = await HubCtlRun.RunAsync("conformance", "--capability", "presence", "--endpoint", "127.0.0.1:1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'presence' is not one of enrichment, crm, sequencing, marketing, meetings", run.Output);
    }
}
