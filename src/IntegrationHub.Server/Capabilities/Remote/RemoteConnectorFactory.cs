using Grpc.Core;
using IntegrationHub.Sdk.Capabilities;

namespace IntegrationHub.Server.Capabilities.Remote;

// Placeholder until the gRPC edge lands: replaced by the real factory.
public static class RemoteConnectorFactory
{
    public static object Create(Capability capability, CallInvoker invoker) => throw new NotSupportedException($"{capability} {invoker}");
}
