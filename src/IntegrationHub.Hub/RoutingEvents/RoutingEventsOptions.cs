using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Hub.RoutingEvents;

/// <summary>Routing events sent to subscribers, bound from <c>Events</c>.</summary>
public sealed class RoutingEventsOptions : IValidatableObject
{
    public const string Section = "Events";

    /// <summary>The CloudEvent <c>source</c> of every event: a URI reference naming this installation.</summary>
    [Required]
    public string Source { get; set; } = "/integrationhub";

    /// <summary>
    /// The key that encrypts subscriptions' signing secrets at rest: 32 bytes, base64. Empty: the hub makes one and
    /// keeps it in its store (fine for the sandbox; in production give it through a secret store, so a copy of the
    /// database alone does not hold the secrets).
    /// </summary>
    public string SecretKey { get; set; } = "";

    /// <summary>How long one delivery may take before it counts as failed and is retried.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(Source, UriKind.RelativeOrAbsolute, out _))
        {
            yield return new ValidationResult("Events:Source must be a URI reference.", [nameof(Source)]);
        }

        if (SecretKey.Length > 0 && SecretKeyBytes() is null)
        {
            yield return new ValidationResult("Events:SecretKey must be 32 bytes in base64.", [nameof(SecretKey)]);
        }
    }

    /// <summary>The configured key's bytes; null when none or not 32 bytes of base64.</summary>
    public byte[]? SecretKeyBytes()
    {
        var buffer = new byte[64];
        return Convert.TryFromBase64String(SecretKey, buffer, out var written) && written == 32 ? buffer[..32] : null;
    }
}
