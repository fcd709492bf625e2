using Google.Protobuf.WellKnownTypes;

namespace IntegrationHub.Server.Capabilities;

/// <summary>The small conversions every capability mapping needs: proto3 has no null strings or times.</summary>
internal static class ProtoValues
{
    public static string OrEmpty(this string? value) => value ?? "";

    public static string? OrNull(this string value) => string.IsNullOrEmpty(value) ? null : value;

    public static Timestamp? ToTimestamp(this DateTimeOffset? value) => value is { } v ? Timestamp.FromDateTimeOffset(v) : null;

    public static DateTimeOffset? ToDateTimeOffset(this Timestamp? value) => value?.ToDateTimeOffset();
}
