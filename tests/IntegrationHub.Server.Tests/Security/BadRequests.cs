using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace IntegrationHub.Server.Tests.Security;

/// <summary>
/// Generates hostile requests for any message type from its descriptor. Every generated request
/// is invalid on purpose — bytes that cannot decode, a message over the size limit, or fields set
/// to hostile values with at least one string far over any length limit — so none of them may
/// be acted on.
/// </summary>
public sealed class BadRequests(Random random)
{
    private static readonly string[] HostileStrings =
    [
        "",
        " ",
        "\0",
        "\u0001\u0002",
        "999.1.1.1",
        "not-an-ip",
        "::ffff:999.0.0.1",
        "javascript:alert(1)",
        "ftp://example.com/",
        "//no-scheme",
        "a@",
        "@b.com",
        "a b@c.d",
        "jane@@acme.com",
        "'; DROP TABLE decisions;--",
        "\u202Egnp.exe",
        "💥💥💥",
        "%00%0a",
        "../../etc/passwd",
        "${jndi:ldap://x}",
    ];

    private readonly List<string> _requestIds = [];
    private int _generated;

    public (string Kind, byte[] Payload) Next(MessageDescriptor type)
    {
        var n = _generated++;
        if (n % 10 == 0)
        {
            return ("undecodable bytes", Undecodable());
        }

        if (n % 97 == 1)
        {
            return ("oversized message", Oversized(type));
        }

        var message = type.Parser.ParseFrom(ByteString.Empty);
        Mutate(message, depth: 0);
        Poison(message);
        return ("hostile fields", message.ToByteArray());
    }

    /// <summary>A field tag with wire type 7, which does not exist: no parser accepts it.</summary>
    private byte[] Undecodable()
    {
        var bytes = new byte[1 + random.Next(0, 64)];
        random.NextBytes(bytes);
        bytes[0] = 0x0F;
        return bytes;
    }

    /// <summary>Two megabytes in the first string field: over the hub's 1 MB message limit.</summary>
    private byte[] Oversized(MessageDescriptor type)
    {
        var message = type.Parser.ParseFrom(ByteString.Empty);
        var path = StringPaths(type, 0).FirstOrDefault();
        if (path is null)
        {
            return [.. new byte[] { 0x7A }, .. Varint(2_000_000), .. new byte[2_000_000]];
        }

        Set(message, path, new string('x', 2_000_000));
        return message.ToByteArray();
    }

    private void Mutate(IMessage message, int depth)
    {
        foreach (
            var field in message
                .Descriptor.Fields.InDeclarationOrder()
                .Where(f => !f.IsMap && random.NextDouble() < 0.6)
        )
        {
            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                var items = random.Next(0, 4) == 0 ? 1000 : random.Next(0, 4);
                for (var i = 0; i < items && Value(field, depth) is { } value; i++)
                {
                    list.Add(value);
                }
            }
            else if (Value(field, depth) is { } value)
            {
                field.Accessor.SetValue(message, value);
            }
        }
    }

    private object? Value(FieldDescriptor field, int depth) =>
        field.FieldType switch
        {
            FieldType.String => HostileString(field),
            FieldType.Bytes => ByteString.CopyFrom(new byte[random.Next(0, 2048)]),
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => new[]
            {
                int.MinValue,
                -1,
                0,
                int.MaxValue,
                1_000_000_000,
            }[random.Next(5)],
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => new[]
            {
                long.MinValue,
                -1L,
                long.MaxValue,
                253402300800L,
            }[random.Next(4)],
            FieldType.UInt32 or FieldType.Fixed32 => uint.MaxValue,
            FieldType.UInt64 or FieldType.Fixed64 => ulong.MaxValue,
            FieldType.Double => new[] { double.NaN, double.PositiveInfinity, -1e308 }[random.Next(3)],
            FieldType.Float => new[] { float.NaN, float.NegativeInfinity, -3e38f }[random.Next(3)],
            FieldType.Bool => random.Next(2) == 0,
            FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, new[] { 999, -5, 1 << 20 }[random.Next(3)]),
            FieldType.Message when depth < 2 => Nested(field, depth),
            _ => null,
        };

    private IMessage Nested(FieldDescriptor field, int depth)
    {
        var nested = field.MessageType.Parser.ParseFrom(ByteString.Empty);
        Mutate(nested, depth + 1);
        return nested;
    }

    private string HostileString(FieldDescriptor field)
    {
        if (field.Name == "request_id")
        {
            // Replayed ids: the same id again with a different (still bad) body.
            if (_requestIds.Count > 0 && random.Next(3) == 0)
            {
                return _requestIds[random.Next(_requestIds.Count)];
            }

            var id = $"fuzz-{random.Next(200)}";
            _requestIds.Add(id);
            return id;
        }

        return random.Next(4) == 0
            ? new string((char)random.Next(0x20, 0x7E), random.Next(300, 3000))
            : HostileStrings[random.Next(HostileStrings.Length)];
    }

    /// <summary>
    /// Whether requests of this type get a poisoned string (one far over any limit), so they cannot be valid.
    /// </summary>
    public static bool CanPoison(MessageDescriptor type) => StringPaths(type, 0).Any();

    /// <summary>
    /// One string somewhere in the request far over any length limit, so the request cannot be valid.
    /// </summary>
    private void Poison(IMessage message)
    {
        var paths = StringPaths(message.Descriptor, 0).ToList();
        if (paths.Count > 0)
        {
            Set(message, paths[random.Next(paths.Count)], new string('A', random.Next(5_000, 200_000)));
        }
    }

    private static IEnumerable<FieldDescriptor[]> StringPaths(MessageDescriptor type, int depth)
    {
        foreach (var field in type.Fields.InDeclarationOrder().Where(f => !f.IsMap))
        {
            if (field.FieldType == FieldType.String)
            {
                yield return [field];
            }
            else if (
                field.FieldType == FieldType.Message
                && depth < 2
                && !field.MessageType.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal)
            )
            {
                foreach (var inner in StringPaths(field.MessageType, depth + 1))
                {
                    yield return [field, .. inner];
                }
            }
        }
    }

    private static void Set(IMessage message, FieldDescriptor[] path, string value)
    {
        var target = message;
        foreach (var step in path[..^1])
        {
            if (step.IsRepeated)
            {
                var list = (IList)step.Accessor.GetValue(target);
                var element = step.MessageType.Parser.ParseFrom(ByteString.Empty);
                list.Add(element);
                target = element;
                continue;
            }

            if (step.Accessor.GetValue(target) is not IMessage inner)
            {
                inner = step.MessageType.Parser.ParseFrom(ByteString.Empty);
                step.Accessor.SetValue(target, inner);
            }

            target = inner;
        }

        var last = path[^1];
        if (last.IsRepeated)
        {
            ((IList)last.Accessor.GetValue(target)).Add(value);
        }
        else
        {
            last.Accessor.SetValue(target, value);
        }
    }

    private static byte[] Varint(int value)
    {
        var bytes = new List<byte>();
        while (value > 0x7F)
        {
            bytes.Add((byte)((value & 0x7F) | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
        return [.. bytes];
    }
}
