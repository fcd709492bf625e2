using System.Reflection;

namespace IntegrationHub.Host.Startup;

/// <summary>
/// Where the hub finds appsettings.json, policy/, sandbox/ and plugins/: beside its own assembly (the build output, or
/// the folder <c>dotnet publish</c> made), whatever working directory a service manager starts it in, unless
/// <c>--contentRoot</c> or <c>DOTNET_CONTENTROOT</c> / <c>ASPNETCORE_CONTENTROOT</c> names another. ASP.NET's own
/// default is the working directory, which made <c>dotnet /opt/hub/IntegrationHub.Host.dll</c> started from / refuse
/// to start for want of /policy/routing-policy.json.
/// </summary>
internal static class HubContentRoot
{
    public static WebApplicationOptions Options(string[] args) =>
        new() { Args = args, ContentRootPath = Named(args) ? null : AppContext.BaseDirectory };

    /// <summary>
    /// A content root named by the operator, or a host that is not the hub's own program (a test host hosting it in
    /// memory chooses its own and refuses one set here).
    /// </summary>
    private static bool Named(string[] args) =>
        Assembly.GetEntryAssembly() != typeof(HubContentRoot).Assembly
        || new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build()[HostDefaults.ContentRootKey]
            is { Length: > 0 };
}
