using Google.Protobuf.WellKnownTypes;

namespace IntegrationHub.Server.Capabilities;

/// <summary>The small conversions every capability mapping needs: proto3 has no null strings or times.</summary>
internal static class ProtoValues
{
    public static string OrEmpty(this string? value) => value ?? "";

    public static string? OrNull(this string value) => string.IsNullOrEmpty(value) ? null : value;

    public static Timestamp? ToTimestamp(this DateTimeOffset? value) =>
        value is { } v ? Timestamp.FromDateTimeOffset(v) : null;

    public static DateTimeOffset? OrNullTime(this Timestamp? value) => value?.ToDateTimeOffset();

    /// <summary>
    /// A time a remote connector must send; its absence is the remote's protocol error, not a hub bug.
    /// </summary>
    public static DateTimeOffset RequiredTime(this Timestamp? value, string field) =>
        value?.ToDateTimeOffset()
        ?? throw new IntegrationHub.Sdk.Errors.ConnectorException(
            IntegrationHub.Sdk.Errors.ConnectorErrorKind.VendorProtocol,
            $"the remote connector sent no {field}"
        );
}
