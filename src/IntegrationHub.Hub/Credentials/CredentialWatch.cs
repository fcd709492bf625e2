using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using IntegrationHub.Hub.Capabilities;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Hub.Credentials;

/// <summary>
/// Wraps whichever connector serves a capability (plugin or remote) and tells
/// <see cref="CredentialRefusals"/> what each call showed: a
/// <see cref="ConnectorErrorKind.VendorAuthentication"/> failure means the vendor refuses the
/// hub's credentials, a call that succeeds means it accepts them. One decorator for every
/// capability interface; results and exceptions pass through untouched.
/// </summary>
public class CredentialWatch<TCapability> : DispatchProxy
    where TCapability : class
{
    private static readonly MethodInfo ObserveResult = typeof(CredentialWatch<TCapability>).GetMethod(
        nameof(ObserveResultAsync),
        BindingFlags.NonPublic | BindingFlags.Instance
    )!;
    private static readonly ConcurrentDictionary<Type, MethodInfo> Observers = new();

    private TCapability _inner = null!;
    private CredentialRefusals _refusals = null!;
    private string _connector = "";

    public static TCapability Wrap(TCapability inner, CredentialRefusals refusals, string connector)
    {
        var proxy = Create<TCapability, CredentialWatch<TCapability>>();
        var watch = (CredentialWatch<TCapability>)(object)proxy;
        (watch._inner, watch._refusals, watch._connector) = (inner, refusals, connector);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        object? result;
        try
        {
            result = targetMethod!.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        var type = targetMethod.ReturnType;
        return result switch
        {
            Task task when type == typeof(Task) => ObserveAsync(task),
            Task task when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>) => Observers
                .GetOrAdd(type.GetGenericArguments()[0], t => ObserveResult.MakeGenericMethod(t))
                .Invoke(this, [task]),
            _ => result,
        };
    }

    private async Task ObserveAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (ConnectorException e) when (Saw(e))
        {
            throw;
        }

        _refusals.Accepted(_connector);
    }

    private async Task<TResult> ObserveResultAsync<TResult>(Task<TResult> task)
    {
        TResult result;
        try
        {
            result = await task;
        }
        catch (ConnectorException e) when (Saw(e))
        {
            throw;
        }

        _refusals.Accepted(_connector);
        return result;
    }

    /// <summary>Notes a refusal; never catches (the exception goes on with its stack).</summary>
    private bool Saw(ConnectorException e)
    {
        if (e.Kind == ConnectorErrorKind.VendorAuthentication)
        {
            _refusals.Refused(_connector, e.Message);
        }

        return false;
    }
}
