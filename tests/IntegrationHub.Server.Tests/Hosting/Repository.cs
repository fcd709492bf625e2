namespace IntegrationHub.Server.Tests.Hosting;

/// <summary>The checkout this test assembly was built from, for tests that read or run what it holds.</summary>
internal static class Repository
{
    /// <summary>The folder holding IntegrationHub.sln, above the test's output folder.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IntegrationHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("IntegrationHub.sln not found above " + AppContext.BaseDirectory);
    }
}
