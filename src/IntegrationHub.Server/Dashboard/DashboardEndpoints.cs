using System.Reflection;

namespace IntegrationHub.Server.Dashboard;

/// <summary>
/// The live dashboard: one static page and its script, compiled into the hub. The page holds
/// no data, so it is served to anyone; the script reads the JSON routes with the viewer's API
/// key, like any other caller. A strict content security policy keeps it to the hub's own origin.
/// </summary>
public static class DashboardEndpoints
{
    public const string Path = "/dashboard";

    private const string ResourcePrefix = "dashboard/";

    /// <summary>The page at <see cref="Path"/>, and every other embedded asset (scripts, styles) beneath it.</summary>
    private static IEnumerable<(string Route, string Resource, string ContentType)> Assets() =>
        Assembly
            .GetExecutingAssembly()
            .GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..])
            .Select(name =>
                (
                    name == "index.html" ? Path : $"{Path}/{name}",
                    name,
                    System.IO.Path.GetExtension(name) switch
                    {
                        ".html" => "text/html; charset=utf-8",
                        ".js" => "text/javascript; charset=utf-8",
                        ".css" => "text/css; charset=utf-8",
                        _ => "application/octet-stream",
                    }
                )
            );

    public static WebApplication MapHubDashboard(this WebApplication app)
    {
        foreach (var (route, resource, contentType) in Assets())
        {
            var bytes = Read(resource);
            app.MapGet(route, (HttpContext context) =>
                {
                    var headers = context.Response.Headers;
                    headers.ContentSecurityPolicy =
                        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src "
                        + "'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
                    headers.XContentTypeOptions = "nosniff";
                    headers["Referrer-Policy"] = "no-referrer";
                    headers.CacheControl = "no-cache";
                    return Results.Bytes(bytes, contentType);
                })
                .AllowAnonymous()
                .ExcludeFromDescription();
        }

        // The live feed of decisions the page listens to (server-sent events, behind the routing scope).
        app.MapDecisionEvents();
        return app;
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The dashboard asset {name} is not embedded in the hub.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
