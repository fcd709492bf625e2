using Scalar.AspNetCore;

namespace IntegrationHub.Server.Http;

/// <summary>
/// The OpenAPI document at <see cref="OpenApiDocument.Path"/> and the same rendered for people at
/// <see cref="OpenApiDocument.DocsPath"/> (Scalar), both without a key: they describe the routes, they hold no data.
/// The page calls the hub with the key a person enters. Scalar's script is served from its package; its CDN fonts,
/// telemetry and AI agent are off, so the page works where the hub cannot reach the internet and tells nobody
/// what was called.
/// </summary>
public static class ApiDocsEndpoints
{
    public static WebApplication MapHubApiDocs(this WebApplication app)
    {
        var document = OpenApiDocument.Build(ContractDescriptors.Services).ToJsonString();
        app.MapGet(OpenApiDocument.Path, () => Results.Text(document, "application/json")).AllowAnonymous();
        app.MapScalarApiReference(OpenApiDocument.DocsPath, o =>
                o.WithTitle("IntegrationHub API")
                    .WithOpenApiRoutePattern(OpenApiDocument.Path)
                    .AddPreferredSecuritySchemes("apiKey")
                    .DisableDefaultFonts()
                    .DisableTelemetry()
                    .DisableAgent()
                    .DisableMcp()
            )
            .AllowAnonymous();
        return app;
    }
}
