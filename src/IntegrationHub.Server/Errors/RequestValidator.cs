using System.Net;
using System.Net.Mail;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Server.Errors;

/// <summary>
/// Collects every problem of a request, then throws them together, so a caller fixes all of
/// them in one round trip. Field names are the proto field names the caller sent.
/// </summary>
public sealed class RequestValidator
{
    private readonly List<FieldViolation> _violations = [];

    public RequestValidator Add(string field, string description)
    {
        _violations.Add(new FieldViolation(field, description));
        return this;
    }

    public string Required(string field, string? value, int maxLength = 256)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
            return "";
        }

        return Length(field, value, maxLength);
    }

    public string Length(string field, string? value, int maxLength = 256)
    {
        value ??= "";
        if (value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters");
        }

        return value.Trim();
    }

    public IPAddress? IpAddress(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
            return null;
        }

        if (value.Length > 64 || !System.Net.IPAddress.TryParse(value.Trim(), out var address))
        {
            Add(field, "must be an IPv4 or IPv6 address");
            return null;
        }

        return address;
    }

    public string Email(string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "is required");
            }

            return "";
        }

        var trimmed = value.Trim();
        if (
            trimmed.Length > 254
            || !MailAddress.TryCreate(trimmed, out var parsed)
            || parsed.Address != trimmed
            || !parsed.Host.Contains('.', StringComparison.Ordinal)
        )
        {
            Add(field, "must be an email address such as jane@example.com");
            return "";
        }

        return trimmed;
    }

    public Uri? HttpUrl(string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "is required");
            }

            return null;
        }

        if (
            value.Length > 2048
            || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        )
        {
            Add(field, "must be an absolute http or https URL");
            return null;
        }

        return uri;
    }

    public int Range(string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            Add(field, $"must be between {min} and {max}");
        }

        return value;
    }

    public DateTimeOffset? Timestamp(string field, Google.Protobuf.WellKnownTypes.Timestamp? value, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, "is required");
            }

            return null;
        }

        if (value.Seconds < -62135596800 || value.Seconds > 253402300799 || value.Nanos is < 0 or > 999_999_999)
        {
            Add(field, "is not a valid timestamp");
            return null;
        }

        return value.ToDateTimeOffset();
    }

    /// <summary>Throws <see cref="RequestValidationException"/> when any problem was found.</summary>
    public void ThrowIfInvalid()
    {
        if (_violations.Count > 0)
        {
            throw new RequestValidationException(_violations);
        }
    }
}
