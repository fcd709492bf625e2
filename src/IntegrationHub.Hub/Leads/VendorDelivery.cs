using IntegrationHub.Sdk.Errors;
using IntegrationHub.Storage.Outbox;

namespace IntegrationHub.Hub.Leads;

/// <summary>
/// Runs one delivery to a vendor and says whether a failure is worth retrying: the vendor
/// refusing the effect itself (bad data, unknown owner, a conflict) will refuse it again, so it
/// goes to the dead-letter list at once; outages, throttling and timeouts are retried.
/// </summary>
public static class VendorDelivery
{
    public static async Task RunAsync(Func<Task> deliver)
    {
        try
        {
            await deliver();
        }
        catch (ConnectorException e)
            when (e.Kind
                    is ConnectorErrorKind.InvalidArgument
                        or ConnectorErrorKind.NotFound
                        or ConnectorErrorKind.Conflict
                        or ConnectorErrorKind.FailedPrecondition
                        or ConnectorErrorKind.VendorProtocol
            )
        {
            throw new PermanentDeliveryFailure($"{e.Vendor ?? "the vendor"} refused it: {e.Message}", e);
        }
    }
}
