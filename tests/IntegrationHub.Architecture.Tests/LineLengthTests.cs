namespace IntegrationHub.Architecture.Tests;

/// <summary>
/// Lines of C# are at most 120 characters (.editorconfig's max_line_length). CSharpier wraps code to that width; this
/// catches what a formatter leaves alone: comments, string literals and names.
/// </summary>
public sealed class LineLengthTests
{
    public const int MaxLineLength = 120;

    [Fact]
    public void No_line_of_csharp_in_the_repository_is_over_120_characters()
    {
        var root = RepositoryRoot.Find();
        var longLines = TrackedCSharpFiles(root)
            .SelectMany(file =>
                File.ReadLines(Path.Combine(root, file)).Select((line, i) => (file, line, number: i + 1))
            )
            .Where(l => l.line.Length > MaxLineLength)
            .Select(l => $"{l.file}:{l.number} is {l.line.Length} characters")
            .ToList();

        Assert.Empty(longLines);
    }

    /// <summary>
    /// Every .cs file of the code base: build output (bin/, obj/, generated code) and tool folders are not.
    /// </summary>
    private static IEnumerable<string> TrackedCSharpFiles(string root) =>
        Directory
            .EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f =>
                !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" || part.StartsWith('.'))
            );
}
