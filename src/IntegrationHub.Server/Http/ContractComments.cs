using System.Xml.Linq;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace IntegrationHub.Server.Http;

/// <summary>
/// The contracts' proto comments — the partner documentation — as Grpc.Tools put them in the XML documentation
/// beside IntegrationHub.Contracts.dll; the runtime descriptors carry no comments. Without that file every comment
/// is empty and the document still describes every route.
/// </summary>
public sealed class ContractComments
{
    private readonly Dictionary<string, string> _summaries;

    private ContractComments(Dictionary<string, string> summaries) => _summaries = summaries;

    public static ContractComments Load()
    {
        var assembly = typeof(Contracts.Routing.V1.RoutingService).Assembly;
        var file = Path.ChangeExtension(assembly.Location, ".xml");
        if (assembly.Location.Length == 0 || !File.Exists(file))
        {
            return new ContractComments([]);
        }

        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in XDocument.Load(file).Descendants("member"))
        {
            var name = (string?)member.Attribute("name") ?? "";
            var summary = member.Element("summary")?.Value ?? "";
            // A method is found by its name without its parameter list.
            var key = name.Split('(')[0];
            summaries[key] = string.Join(
                ' ',
                summary.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            );
        }

        return new ContractComments(summaries);
    }

    public string Of(FieldDescriptor field) =>
        field.ContainingType.ClrType is { } type ? Said($"P:{Name(type)}.{field.PropertyName}") : "";

    public string Of(MessageDescriptor message) => message.ClrType is { } type ? Said($"T:{Name(type)}") : "";

    public string Of(MethodDescriptor method)
    {
        var service = method.Service;
        var ns = service.File.GetOptions()?.CsharpNamespace ?? "";
        return Said($"M:{ns}.{service.Name}.{service.Name}Base.{method.Name}");
    }

    public string Of(ServiceDescriptor service)
    {
        var ns = service.File.GetOptions()?.CsharpNamespace ?? "";
        return Said($"T:{ns}.{service.Name}");
    }

    private string Said(string key) => _summaries.GetValueOrDefault(key, "");

    private static string Name(Type type) => (type.FullName ?? type.Name).Replace('+', '.');
}
