using System.IO.Compression;
using System.Xml.Linq;

namespace SsmInventory.Package.Tests;

/// <summary>What each package carries: assets, README, metadata and dependencies.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageContentTests(PackageFixture packages)
{
    [Fact]
    public void SsmInventory_carries_the_library_the_generator_the_code_fixes_and_the_build_logic()
    {
        packages.AssertPacked();
        using ZipArchive package = ZipFile.OpenRead(packages.PackagePath("SsmInventory"));
        HashSet<string> files = Files(package);

        foreach (string tfm in new[] { "netstandard2.0", "net8.0", "net10.0" })
        {
            AssertContains(files, $"lib/{tfm}/SsmInventory.dll");
            AssertContains(files, $"lib/{tfm}/SsmInventory.xml");
        }

        AssertContains(files, "analyzers/dotnet/cs/SsmInventory.Generator.dll");
        AssertContains(files, "analyzers/dotnet/cs/SsmInventory.CodeFixes.dll");
        AssertContains(files, "build/SsmInventory.targets");
        AssertContains(files, "buildTransitive/SsmInventory.targets");
        AssertContains(files, "PACKAGE.md");
        Assert.DoesNotContain(files, f => f.StartsWith("lib/", StringComparison.Ordinal) && f.Contains("Generator", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.StartsWith("lib/", StringComparison.Ordinal) && f.Contains("CodeFixes", StringComparison.Ordinal));

        XElement metadata = PackageFixture.Metadata(package);
        AssertMetadata(metadata, "SsmInventory");

        string[] dependencies = DependencyIds(metadata);
        Assert.DoesNotContain("SsmInventory.Generator", dependencies);
        Assert.DoesNotContain("SsmInventory.CodeFixes", dependencies);
        Assert.DoesNotContain(dependencies, d => d.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Fact]
    public void SsmInventory_Aws_carries_its_library_and_depends_on_SsmInventory()
    {
        packages.AssertPacked();
        using ZipArchive package = ZipFile.OpenRead(packages.PackagePath("SsmInventory.Aws"));
        HashSet<string> files = Files(package);

        AssertContains(files, "lib/net8.0/SsmInventory.Aws.dll");
        AssertContains(files, "lib/net10.0/SsmInventory.Aws.dll");
        AssertContains(files, "PACKAGE.md");
        Assert.DoesNotContain(files, f => f.EndsWith("/SsmInventory.dll", StringComparison.Ordinal));

        XElement metadata = PackageFixture.Metadata(package);
        AssertMetadata(metadata, "SsmInventory.Aws");

        XNamespace ns = metadata.Name.Namespace;
        XElement[] groups = metadata.Element(ns + "dependencies")!.Elements(ns + "group").ToArray();
        Assert.Equal(
            new[] { "net10.0", "net8.0" }.ToHashSet(),
            groups.Select(g => (string?)g.Attribute("targetFramework") ?? "").ToHashSet());
        foreach (XElement group in groups)
        {
            XElement? dependency = group.Elements(ns + "dependency").SingleOrDefault(d => (string?)d.Attribute("id") == "SsmInventory");
            Assert.True(dependency is not null, $"No SsmInventory dependency for {group.Attribute("targetFramework")}: {group}");
            Assert.Equal(packages.Version, (string?)dependency.Attribute("version"));
        }

        Assert.Contains("AWSSDK.SimpleSystemsManagement", DependencyIds(metadata));
    }

    [Theory]
    [InlineData("SsmInventory")]
    [InlineData("SsmInventory.Aws")]
    public void Each_package_declares_MIT_and_carries_the_repository_license_text(string id)
    {
        packages.AssertPacked();
        using ZipArchive package = ZipFile.OpenRead(packages.PackagePath(id));

        XElement metadata = PackageFixture.Metadata(package);
        XElement? license = metadata.Element(metadata.Name.Namespace + "license");
        Assert.True(license is not null, $"{id} has no <license>: {metadata}");
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);

        ZipArchiveEntry? text = package.GetEntry("LICENSE");
        Assert.True(text is not null, $"{id} has no LICENSE at its root. It has:{Environment.NewLine}{string.Join(Environment.NewLine, Files(package).Order(StringComparer.Ordinal))}");
        using var reader = new StreamReader(text.Open());
        string packed = reader.ReadToEnd();
        Assert.Equal(File.ReadAllText(Path.Combine(packages.RepositoryRoot, "LICENSE")), packed);
        Assert.StartsWith("MIT License", packed, StringComparison.Ordinal);
        Assert.Contains("Copyright (c) 2026 SsmInventory contributors", packed, StringComparison.Ordinal);
    }

    private void AssertMetadata(XElement metadata, string id)
    {
        XNamespace ns = metadata.Name.Namespace;
        Assert.Equal(id, (string?)metadata.Element(ns + "id"));
        Assert.Equal(packages.Version, (string?)metadata.Element(ns + "version"));
        Assert.Equal("PACKAGE.md", (string?)metadata.Element(ns + "readme"));
        Assert.False(string.IsNullOrWhiteSpace((string?)metadata.Element(ns + "description")), "No description.");
        Assert.False(string.IsNullOrWhiteSpace((string?)metadata.Element(ns + "authors")), "No authors.");
        Assert.False(string.IsNullOrWhiteSpace((string?)metadata.Element(ns + "license")), "No license.");
        Assert.False(string.IsNullOrWhiteSpace((string?)metadata.Element(ns + "tags")), "No tags.");
        Assert.Equal("https://github.com/ssminventory/ssminventory", (string?)metadata.Element(ns + "repository")?.Attribute("url"));
    }

    private static HashSet<string> Files(ZipArchive package) =>
        package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

    private static void AssertContains(HashSet<string> files, string file) =>
        Assert.True(files.Contains(file), $"The package has no {file}. It has:{Environment.NewLine}{string.Join(Environment.NewLine, files.Order(StringComparer.Ordinal))}");

    private static string[] DependencyIds(XElement metadata) =>
        metadata.Descendants(metadata.Name.Namespace + "dependency").Select(d => (string)d.Attribute("id")!).Distinct().ToArray();
}
