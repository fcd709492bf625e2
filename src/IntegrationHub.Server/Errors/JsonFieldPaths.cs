using Google.Protobuf.Reflection;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Server.Errors;

/// <summary>
/// A field violation's path as a JSON caller wrote the field: <c>lead.last_name</c> becomes <c>lead.lastName</c>,
/// <c>scopes[1]</c> stays itself. google.rpc.BadRequest asks for the JSON names in JSON ("In JSON, the same values
/// are represented as: fullName …"), so the caller can find the field in what it sent.
/// </summary>
public static class JsonFieldPaths
{
    public static IReadOnlyList<FieldViolation> Of(
        MessageDescriptor request,
        IReadOnlyList<FieldViolation> violations
    ) => [.. violations.Select(v => v with { Field = Path(request, v.Field) })];

    public static string Path(MessageDescriptor? message, string path)
    {
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var bracket = segments[i].IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segments[i] : segments[i][..bracket];
            // A segment the request does not have (a description of the whole request) is left as written.
            var field = message?.FindFieldByName(name);
            if (field is null)
            {
                message = null;
                continue;
            }

            segments[i] = field.JsonName + (bracket < 0 ? "" : segments[i][bracket..]);
            message = field.FieldType == FieldType.Message ? field.MessageType : null;
        }

        return string.Join('.', segments);
    }
}
