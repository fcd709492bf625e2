using System.Globalization;
using System.Text;

namespace IntegrationHub.Hub.RoutingEvents;

/// <summary>
/// The few rules of the proto JSON mapping an event's data follows, without the generated types the application may
/// not see: enum values by their proto names, times in RFC 3339 UTC, 64-bit integers as strings.
/// </summary>
internal static class ProtoJson
{
    /// <summary><c>HumanRep</c> of enum <c>TARGET_KIND</c> is <c>TARGET_KIND_HUMAN_REP</c>.</summary>
    public static string Enum(string protoEnumPrefix, string value)
    {
        var name = new StringBuilder(protoEnumPrefix).Append('_');
        for (var i = 0; i < value.Length; i++)
        {
            if (i > 0 && char.IsUpper(value[i]))
            {
                name.Append('_');
            }

            name.Append(char.ToUpperInvariant(value[i]));
        }

        return name.ToString();
    }

    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Int64(long value) => value.ToString(CultureInfo.InvariantCulture);
}
