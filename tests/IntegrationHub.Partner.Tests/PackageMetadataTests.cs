using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace IntegrationHub.Partner.Tests;

/// <summary>
/// What a partner's package manager and debugger read from the packed packages: real metadata, the README, XML
/// docs beside the assembly, and symbols whose Source Link points at the repository's sources of the packed commit.
/// </summary>
[Collection(PartnerCollection.Name)]
public sealed class PackageMetadataTests(PartnerWorkspace workspace)
{
    public static TheoryData<string> Packages() =>
        ["IntegrationHub.Contracts", "IntegrationHub.Sdk", "IntegrationHub.Sdk.TestKit", "IntegrationHub.Sdk.FakeKit"];

    [Theory]
    [MemberData(nameof(Packages))]
    public void A_package_carries_its_metadata_readme_and_docs(string id)
    {
        using var package = ZipFile.OpenRead(PackageFile(id, ".nupkg"));
        var nuspec = XDocument.Load(package.GetEntry($"{id}.nuspec")!.Open());
        string? Field(string name) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        var repository = nuspec.Descendants().Single(e => e.Name.LocalName == "repository");

        Assert.StartsWith("IntegrationHub", Field("authors"), StringComparison.Ordinal);
        Assert.DoesNotContain("Package Description", Field("description"), StringComparison.Ordinal);
        Assert.Equal("MIT", Field("license"));
        Assert.Equal("README.md", Field("readme"));
        Assert.NotNull(package.GetEntry("README.md"));
        Assert.StartsWith("https://github.com/", (string?)repository.Attribute("url"), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit"));
        Assert.NotNull(package.GetEntry($"lib/net10.0/{id}.xml"));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void A_package_has_symbols_with_source_link_to_the_repository(string id)
    {
        using var symbols = ZipFile.OpenRead(PackageFile(id, ".snupkg"));
        using var pdb = new MemoryStream();
        symbols.GetEntry($"lib/net10.0/{id}.pdb")!.Open().CopyTo(pdb);

        // Source Link's JSON is stored as it is in the portable PDB.
        Assert.Contains("https://raw.githubusercontent.com/", Encoding.UTF8.GetString(pdb.ToArray()));
    }

    private string PackageFile(string id, string extension) =>
        Directory
            .EnumerateFiles(workspace.Feed, id + ".*" + extension)
            .Single(f => char.IsDigit(Path.GetFileName(f)[id.Length + 1]));
}
