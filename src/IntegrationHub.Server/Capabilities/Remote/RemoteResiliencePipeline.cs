using IntegrationHub.Routing.Facts;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Sdk.Http;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace IntegrationHub.Server.Capabilities.Remote;

/// <summary>
/// The pipeline around every call to one remote endpoint, in the standard order: total timeout → retry → circuit
/// breaker (the attempt timeout is each call's gRPC deadline, so the remote sees it). Only what may pass by itself
/// is retried — UNAVAILABLE, and RESOURCE_EXHAUSTED whose RetryInfo is within <c>MaxRetryAfter</c> — and never
/// past the caller's deadline. A remote's creates must therefore be safe to repeat, as a plugin's are.
/// </summary>
internal static class RemoteResiliencePipeline
{
    public static ResiliencePipeline Build(ConnectorResilienceOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        builder.AddTimeout(new TimeoutStrategyOptions { Name = "total-timeout", Timeout = options.TotalTimeout });
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(
                new RetryStrategyOptions
                {
                    Name = "retry",
                    MaxRetryAttempts = options.MaxRetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.BaseDelay,
                    ShouldHandle = args =>
                        ValueTask.FromResult(
                            args.Outcome.Exception is ConnectorException failure
                                && IsRetryable(failure, options)
                                && TimeLeft(time)
                        ),
                    DelayGenerator = args =>
                        ValueTask.FromResult(
                            args.Outcome.Exception is ConnectorException { RetryAfter: { } wait }
                                ? (TimeSpan?)wait
                                : null
                        ),
                }
            );
        }

        builder.AddCircuitBreaker(
            new CircuitBreakerStrategyOptions
            {
                Name = "circuit-breaker",
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = options.CircuitMinimumThroughput,
                SamplingDuration = options.CircuitSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
                // Only the remote being out counts: a bad request or a "not found" says nothing about its health.
                ShouldHandle = args =>
                    ValueTask.FromResult(
                        args.Outcome.Exception is ConnectorException { Kind: ConnectorErrorKind.VendorUnavailable }
                    ),
            }
        );
        return builder.Build();
    }

    /// <summary>What the pipeline's own refusal (circuit open, total timeout) tells the caller, or null.</summary>
    public static ConnectorException? Refusal(string name, Exception exception) =>
        exception switch
        {
            BrokenCircuitException open => new ConnectorException(
                ConnectorErrorKind.VendorUnavailable,
                $"remote connector {name}: circuit open after repeated failures; calls resume after a pause",
                open
            )
            {
                Vendor = name,
                Reason = "CIRCUIT_OPEN",
                RetryAfter = open.RetryAfter,
            },
            TimeoutRejectedException late => new ConnectorException(
                ConnectorErrorKind.VendorUnavailable,
                $"remote connector {name}: no answer within {late.Timeout} (Resilience:TotalTimeout)",
                late
            )
            {
                Vendor = name,
                Reason = "REMOTE_TIMEOUT",
            },
            _ => null,
        };

    /// <summary>A retry is worth starting only while the caller still waits.</summary>
    private static bool TimeLeft(TimeProvider time) =>
        CallDeadline.Remaining(time.GetUtcNow()) is not { } left || left > TimeSpan.Zero;

    private static bool IsRetryable(ConnectorException failure, ConnectorResilienceOptions options) =>
        failure.Kind switch
        {
            ConnectorErrorKind.VendorUnavailable => true,
            ConnectorErrorKind.RateLimited => failure.RetryAfter is not { } wait || wait <= options.MaxRetryAfter,
            _ => false,
        };
}
