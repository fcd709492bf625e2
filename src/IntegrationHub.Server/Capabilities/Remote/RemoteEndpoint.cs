using Grpc.Core;
using Grpc.Net.Client;
using IntegrationHub.Hub.Capabilities;
using IntegrationHub.Routing.Facts;
using IntegrationHub.Sdk.Errors;
using Polly;

namespace IntegrationHub.Server.Capabilities.Remote;

/// <summary>
/// One remote connector process serving one capability: the channel to it, what it says it is, and how each call
/// to it is made — with the caller's remaining deadline (capped by the endpoint's attempt timeout), the caller's
/// cancellation, and the endpoint's retry and circuit breaker — and how its failures read back as connector errors.
/// </summary>
public sealed class RemoteEndpoint : IDisposable
{
    private readonly Lazy<GrpcChannel> _channel;
    private readonly ResiliencePipeline _pipeline;
    private readonly TimeProvider _time;

    public RemoteEndpoint(CapabilityBinding binding, TimeProvider time)
    {
        Binding = binding;
        _time = time;
        // One channel for the hub's lifetime: channels are meant to be long-lived and multiplex every call over
        // their HTTP/2 connections.
        _channel = new(() => RemoteChannel.Create(binding.RemoteEndpoint!, binding.RemoteTls));
        _pipeline = RemoteResiliencePipeline.Build(binding.RemoteResilience, time);
    }

    public CapabilityBinding Binding { get; }

    public Uri Address => Binding.RemoteEndpoint!;

    /// <summary>What the process said it is; filled in by <see cref="RemoteDescription"/>.</summary>
    public RemoteIdentity Identity => Binding.Remote!;

    /// <summary>Its name in errors and the catalog: the one it gave, else its address.</summary>
    public string Name => Binding.ConnectorName;

    public CallInvoker Invoker => _channel.Value.CreateCallInvoker();

    /// <summary>
    /// Makes a call through the endpoint's pipeline. Each attempt carries a deadline: what is left of the caller's
    /// (<see cref="CallDeadline"/>) or the attempt timeout, whichever is sooner. A gRPC failure becomes the
    /// <see cref="ConnectorException"/> it stands for; the caller's cancellation stays a cancellation.
    /// </summary>
    public async Task<T> Call<T>(Func<CallOptions, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(
                async token =>
                {
                    var (deadline, callersOwn) = AttemptDeadline();
                    var options = new CallOptions(deadline: deadline, cancellationToken: token);
                    try
                    {
                        return await call(options);
                    }
                    catch (RpcException ex)
                        when (ex.StatusCode == StatusCode.Cancelled && token.IsCancellationRequested)
                    {
                        throw new OperationCanceledException(token);
                    }
                    catch (RpcException ex) when (ex.StatusCode == StatusCode.DeadlineExceeded && callersOwn)
                    {
                        // The caller's own deadline was this attempt's and it passed: the caller ran out of time, as
                        // when its token fires (the two timers race), as an in-process connector's call ends. Not a
                        // remote that failed, so neither retried nor counted by the circuit breaker.
                        throw new OperationCanceledException("the caller's deadline passed", ex, token);
                    }
                    catch (RpcException ex)
                    {
                        throw RemoteErrorTranslation.Translate(Name, ex);
                    }
                },
                cancellationToken
            );
        }
        catch (Exception ex) when (RemoteResiliencePipeline.Refusal(Name, ex) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>For "get" methods whose interface answers null when nothing matches.</summary>
    public async Task<T?> OrNull<T>(Func<CallOptions, Task<T>> call, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await Call(call, cancellationToken);
        }
        catch (ConnectorException ex) when (ex.Kind == ConnectorErrorKind.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// When this attempt must be answered, as a gRPC deadline. The budget is measured on the hub's clock; the
    /// deadline is stated on the machine's, because grpc-dotnet turns it into grpc-timeout against that clock.
    /// When the caller's deadline is the sooner one, <c>CallersOwn</c> says so.
    /// </summary>
    private (DateTime Deadline, bool CallersOwn) AttemptDeadline()
    {
        var budget = Binding.RemoteResilience.AttemptTimeout;
        var callersOwn = false;
        if (CallDeadline.Remaining(_time.GetUtcNow()) is { } left && left < budget)
        {
            budget = left > TimeSpan.Zero ? left : TimeSpan.Zero;
            callersOwn = true;
        }

        return (TimeProvider.System.GetUtcNow().UtcDateTime + budget, callersOwn);
    }

    public void Dispose()
    {
        if (_channel.IsValueCreated)
        {
            _channel.Value.Dispose();
        }
    }
}
