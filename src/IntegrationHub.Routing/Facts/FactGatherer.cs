using IntegrationHub.Routing.Policy;
using IntegrationHub.Sdk.Capabilities;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Errors;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Routing.Facts;

/// <summary>
/// Asks every fact source about a visitor at once, under one deadline (the policy's, or the
/// caller's when shorter). A source that fails or is late leaves its fact unknown and says
/// why; it never fails the decision. Only the CRM account waits, for the domain the
/// enrichment source finds.
/// </summary>
public sealed partial class FactGatherer(FactSources sources, TimeProvider time, ILogger<FactGatherer> logger)
{
    public async Task<VisitorFacts> GatherAsync(VisitorRequest request, RoutingPolicy policy, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(policy.FactDeadline, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var ct = linked.Token;
        var email = request.Email;

        var company = Ask("company", Capability.Enrichment, ct, async c => (Sdk.Capabilities.Enrichment.CompanyIdentification?)await sources.Enrichment.IdentifyCompanyAsync(request.IpAddress, c), cancellationToken);
        var person = email is null ? NotAsked<Person>("person", Capability.Crm) : Ask("person", Capability.Crm, ct, async c =>
            (await sources.Crm.FindPeopleAsync(new PeopleQuery(Email: email), c)).OrderBy(p => p.Kind == PersonKind.Contact ? 0 : 1).FirstOrDefault(), cancellationToken);
        var prospect = email is null ? NotAsked<Sdk.Capabilities.Sequencing.Prospect>("prospect", Capability.Sequencing)
            : Ask("prospect", Capability.Sequencing, ct, c => sources.Sequencing.GetProspectByEmailAsync(email, c), cancellationToken);
        var click = request.ClickThroughToken is not { } token ? NotAsked<Sdk.Capabilities.Sequencing.ClickThrough>("click_through", Capability.Sequencing)
            : Ask("click_through", Capability.Sequencing, ct, c => sources.Sequencing.ResolveClickThroughAsync(token, c), cancellationToken);
        var engagement = email is null ? NotAsked<Sdk.Capabilities.Marketing.PersonEngagement>("engagement", Capability.Marketing)
            : Ask("engagement", Capability.Marketing, ct, c => sources.Marketing.GetPersonEngagementAsync(email, c), cancellationToken);
        var account = AccountAsync(company, email, ct, cancellationToken);

        await Task.WhenAll(company, person, prospect, click, engagement, account);
        return new VisitorFacts(request, await company, await account, await person, await prospect, await click, await engagement,
            PageLocale.LanguageOf(request.PageUrl, policy.LocalePrefixes));
    }

    private async Task<Sourced<Account>> AccountAsync(
        Task<Sourced<Sdk.Capabilities.Enrichment.CompanyIdentification>> company, string? email, CancellationToken ct, CancellationToken callerToken)
    {
        var identified = await company;
        var domain = identified.Value is { MatchStatus: Sdk.Capabilities.Enrichment.MatchStatus.Match, Company.Domain: { Length: > 0 } d } ? d
            : email?[(email.IndexOf('@', StringComparison.Ordinal) + 1)..];
        if (string.IsNullOrWhiteSpace(domain))
        {
            return NotAsked<Account>("account", Capability.Crm).Result;
        }

        return await Ask("account", Capability.Crm, ct, c => sources.Crm.GetAccountByDomainAsync(domain, c), callerToken);
    }

    private async Task<Sourced<T>> Ask<T>(string source, Capability capability, CancellationToken ct, Func<CancellationToken, Task<T?>> call, CancellationToken callerToken)
        where T : class
    {
        var connector = sources.NameOf(capability);
        var started = time.GetTimestamp();
        SourceReport Report(SourceStatus status, string? error) =>
            new(source, capability.Key(), connector, status, time.GetElapsedTime(started), error);
        try
        {
            var value = await call(ct).WaitAsync(ct);
            return new Sourced<T>(value, Report(value is null ? SourceStatus.NotFound : SourceStatus.Ok, null));
        }
        catch (OperationCanceledException) when (callerToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return new Sourced<T>(null, Report(SourceStatus.TimedOut, "no answer within the routing deadline"));
        }
        catch (ConnectorException ex) when (ex.Kind == ConnectorErrorKind.NotFound)
        {
            return new Sourced<T>(null, Report(SourceStatus.NotFound, null));
        }
        catch (ConnectorException ex)
        {
            return new Sourced<T>(null, Report(SourceStatus.Failed, $"{ex.Kind}: {ex.Message}"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A plugin bug must not take routing down with it; the explanation shows it.
            LogSourceBug(logger, ex, source, connector);
            return new Sourced<T>(null, Report(SourceStatus.Failed, $"unexpected {ex.GetType().Name}"));
        }
    }

    private static Task<Sourced<T>> NotAsked<T>(string source, Capability capability)
        where T : class =>
        Task.FromResult(new Sourced<T>(null, new SourceReport(source, capability.Key(), "-", SourceStatus.NotAsked, TimeSpan.Zero, null)));

    [LoggerMessage(Level = LogLevel.Error, Message = "Fact source {Source} ({Connector}) failed unexpectedly; routing went on without it")]
    private static partial void LogSourceBug(ILogger logger, Exception exception, string source, string connector);
}
