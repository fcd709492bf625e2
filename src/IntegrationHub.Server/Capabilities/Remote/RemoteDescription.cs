using Grpc.Core;
using IntegrationHub.Contracts.Connector.V1;
using IntegrationHub.Sdk.Capabilities;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Server.Capabilities.Remote;

/// <summary>
/// Asks a remote connector what it is (<c>integrationhub.connector.v1.ConnectorService/Describe</c>) and keeps the
/// answer in its <see cref="Hub.Capabilities.RemoteIdentity"/>. UNIMPLEMENTED settles it (named by address from
/// then on); any other failure leaves it to be asked again.
/// </summary>
public static partial class RemoteDescription
{
    /// <summary>How long a Describe may take: it must not reach the vendor, so this is ample.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public static async Task DescribeAsync(RemoteEndpoint endpoint, ILogger logger, CancellationToken cancellationToken)
    {
        if (endpoint.Identity.Settled)
        {
            return;
        }

        try
        {
            var answer = await new ConnectorService.ConnectorServiceClient(endpoint.Invoker).DescribeAsync(
                new DescribeRequest(),
                // grpc-dotnet reads deadlines against the machine's clock, whatever the hub's clock says.
                deadline: TimeProvider.System.GetUtcNow().UtcDateTime + Timeout,
                cancellationToken: cancellationToken
            );
            if (string.IsNullOrWhiteSpace(answer.Name))
            {
                endpoint.Identity.NotImplemented("its Describe answer has no name");
                return;
            }

            var capabilities = answer.Capabilities.Select(KeyOf).OfType<string>().ToList();
            endpoint.Identity.Described(Bounded(answer.Name), Bounded(answer.Version), capabilities);
            LogDescribed(logger, endpoint.Address, endpoint.Identity.Name!, endpoint.Identity.Version);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
        {
            endpoint.Identity.NotImplemented(
                "it does not implement integrationhub.connector.v1.ConnectorService/Describe"
            );
            LogUndescribed(logger, endpoint.Address);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            endpoint.Identity.Unanswered($"Describe not answered yet ({ex.StatusCode})");
        }
    }

    private static string? KeyOf(Contracts.Connector.V1.Capability capability) =>
        capability switch
        {
            Contracts.Connector.V1.Capability.Enrichment => Sdk.Capabilities.Capability.Enrichment.Key(),
            Contracts.Connector.V1.Capability.Crm => Sdk.Capabilities.Capability.Crm.Key(),
            Contracts.Connector.V1.Capability.Sequencing => Sdk.Capabilities.Capability.Sequencing.Key(),
            Contracts.Connector.V1.Capability.Marketing => Sdk.Capabilities.Capability.Marketing.Key(),
            Contracts.Connector.V1.Capability.Meetings => Sdk.Capabilities.Capability.Meetings.Key(),
            _ => null,
        };

    /// <summary>A remote's words end up in tables and logs: keep them short.</summary>
    private static string Bounded(string text) => text.Length <= 64 ? text : text[..64];

    [LoggerMessage(Level = LogLevel.Information, Message = "The remote connector at {Endpoint} is {Name} {Version}")]
    private static partial void LogDescribed(ILogger logger, Uri endpoint, string name, string version);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "The remote connector at {Endpoint} does not implement Describe; it is named by its address"
    )]
    private static partial void LogUndescribed(ILogger logger, Uri endpoint);
}
