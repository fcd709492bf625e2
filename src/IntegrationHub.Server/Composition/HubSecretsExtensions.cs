using IntegrationHub.Hub.Composition;

namespace IntegrationHub.Server.Composition;

public static class HubSecretsExtensions
{
    /// <summary>
    /// Secrets from a folder with one file per key (a Kubernetes or Docker secret mount, a vault
    /// agent's output): the file "Connectors__Salesforce__ClientSecret" holds that key's value. Read
    /// before anything else, so connectors and auth see them like any other configuration.
    /// </summary>
    public static WebApplicationBuilder AddHubSecretFiles(this WebApplicationBuilder builder)
    {
        if (builder.Configuration["Secrets:Path"] is { Length: > 0 } folder)
        {
            builder.Configuration.AddKeyPerFile(Path.GetFullPath(folder), optional: false, reloadOnChange: false);
        }

        return builder;
    }
}
