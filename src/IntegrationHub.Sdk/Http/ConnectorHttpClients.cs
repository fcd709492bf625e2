using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace IntegrationHub.Sdk.Http;

/// <summary>
/// Registers a connector's named <see cref="HttpClient"/> with the standard pipeline order
/// (total timeout → retry → circuit breaker → attempt timeout), one circuit per vendor host,
/// retries with jitter that honour the vendor's Retry-After, all bound from configuration; and
/// beside it a single-attempt client for exchanges that must never be sent twice.
/// </summary>
public static class ConnectorHttpClients
{
    /// <summary>
    /// The name of the connector's client that sends each request once, under one timeout of
    /// <see cref="ConnectorResilienceOptions.TotalTimeout"/>: for an exchange the vendor may have acted on even when
    /// its answer is late (a rotating refresh token), where a retry would spend what the first attempt already spent.
    /// </summary>
    /// <param name="connectorName">The connector's name, as in its attribute.</param>
    public static string SingleAttempt(string connectorName) => connectorName + ":single-attempt";

    /// <summary>
    /// Registers the client named <c>name</c> with its resilience pipeline bound from <c>Resilience</c> in the section.
    /// </summary>
    public static IHttpClientBuilder AddConnectorHttpClient(
        this IServiceCollection services,
        string connectorName,
        IConfiguration resilienceSection
    )
    {
        services
            .AddOptions<ConnectorResilienceOptions>(connectorName)
            .Bind(resilienceSection)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var builder = services.AddHttpClient(connectorName);
        builder
            .AddResilienceHandler($"{connectorName}-pipeline", (pipeline, context) =>
            {
                var options = context
                    .ServiceProvider.GetRequiredService<IOptionsMonitor<ConnectorResilienceOptions>>()
                    .Get(connectorName);
                var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
                Configure(pipeline, options, time);
            })
            .SelectPipelineByAuthority();
        services
            .AddHttpClient(SingleAttempt(connectorName))
            .AddResilienceHandler($"{connectorName}-single-attempt", (pipeline, context) =>
            {
                var options = context
                    .ServiceProvider.GetRequiredService<IOptionsMonitor<ConnectorResilienceOptions>>()
                    .Get(connectorName);
                pipeline.TimeProvider = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
                pipeline.AddTimeout(
                    new HttpTimeoutStrategyOptions { Name = "single-timeout", Timeout = options.TotalTimeout }
                );
            });
        return builder;
    }

    private static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline,
        ConnectorResilienceOptions options,
        TimeProvider time
    )
    {
        pipeline.TimeProvider = time;
        pipeline
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "total-timeout", Timeout = options.TotalTimeout })
            .AddRetry(
                new HttpRetryStrategyOptions
                {
                    Name = "retry",
                    MaxRetryAttempts = Math.Max(options.MaxRetryAttempts, 1),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.BaseDelay,
                    ShouldRetryAfterHeader = false,
                    ShouldHandle = args =>
                        ValueTask.FromResult(
                            options.MaxRetryAttempts > 0 && IsRetryable(args.Outcome, options, time.GetUtcNow())
                        ),
                    DelayGenerator = args =>
                        ValueTask.FromResult(
                            args.Outcome.Result is { } response
                                ? RetryAfterHeader.Read(response, time.GetUtcNow())
                                : null
                        ),
                }
            )
            .AddCircuitBreaker(
                new HttpCircuitBreakerStrategyOptions
                {
                    Name = "circuit-breaker",
                    FailureRatio = options.CircuitFailureRatio,
                    MinimumThroughput = options.CircuitMinimumThroughput,
                    SamplingDuration = options.CircuitSamplingDuration,
                    BreakDuration = options.CircuitBreakDuration,
                }
            )
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt-timeout", Timeout = options.AttemptTimeout });
    }

    private static bool IsRetryable(
        Outcome<HttpResponseMessage> outcome,
        ConnectorResilienceOptions options,
        DateTimeOffset now
    )
    {
        if (!HttpClientResiliencePredicates.IsTransient(outcome))
        {
            return false;
        }

        // A vendor asking us to come back later than we are willing to wait (a daily quota)
        // is answered at once, so the caller learns when to retry instead of timing out.
        if (
            outcome.Result
                is { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable } response
            && RetryAfterHeader.Read(response, now) is { } wait
            && wait > options.MaxRetryAfter
        )
        {
            return false;
        }

        return true;
    }
}
