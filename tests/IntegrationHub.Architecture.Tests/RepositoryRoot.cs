namespace IntegrationHub.Architecture.Tests;

/// <summary>
/// The repository these tests were built from: the folder above the test binaries that holds the solution.
/// </summary>
internal static class RepositoryRoot
{
    public static string Find()
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
