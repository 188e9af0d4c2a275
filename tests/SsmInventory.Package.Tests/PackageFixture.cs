using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace SsmInventory.Package.Tests;

/// <summary>
/// Packs SsmInventory and SsmInventory.Aws once, into a temporary folder feed, with a version no earlier run used,
/// so that no NuGet cache can hand a stale package to the tests. Everything lives under one temporary folder that
/// is deleted afterwards. The packs run as on a CI server (<c>CI=true</c>), which is how released packages are built.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    /// <summary>Per command; the whole fixture plus the consumer test stays well under three minutes normally.</summary>
    internal static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    public PackageFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        Version = string.Create(CultureInfo.InvariantCulture,
            $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}.{Random.Shared.Next(1, int.MaxValue)}");
        Root = Path.Combine(Path.GetTempPath(), "ssminventory-package-tests-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);

        // One after the other: both build src/SsmInventory. Release, so that they never share bin/ or obj/<config>
        // with the Debug build of the solution that runs these tests.
        SsmInventoryPack = Pack("src/SsmInventory/SsmInventory.csproj");
        SsmInventoryAwsPack = SsmInventoryPack.Succeeded ? Pack("src/SsmInventory.Aws/SsmInventory.Aws.csproj") : null;
    }

    public string RepositoryRoot { get; }

    /// <summary>The version of both packages, a prerelease unique to this run.</summary>
    public string Version { get; }

    /// <summary>The temporary folder holding the feed and the consumer projects.</summary>
    public string Root { get; }

    /// <summary>The local folder feed that the packages are packed into.</summary>
    public string Feed { get; }

    internal ProcessResult SsmInventoryPack { get; }

    internal ProcessResult? SsmInventoryAwsPack { get; }

    public string PackagePath(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public string SymbolPackagePath(string id) => Path.Combine(Feed, $"{id}.{Version}.snupkg");

    /// <summary>Fails with the pack output unless both packs succeeded without a warning.</summary>
    public void AssertPacked()
    {
        AssertCleanSuccess(SsmInventoryPack);
        Assert.True(SsmInventoryAwsPack is not null, "SsmInventory.Aws was not packed because SsmInventory failed.");
        AssertCleanSuccess(SsmInventoryAwsPack);
    }

    internal static void AssertCleanSuccess(ProcessResult result)
    {
        Assert.True(result.Succeeded, "The command failed." + Environment.NewLine + result);
        string[] warnings = WarningLines(result.Output);
        Assert.True(warnings.Length == 0, "The command printed warnings." + Environment.NewLine + result);
    }

    /// <summary>MSBuild's "warning XX1234:" lines, NU1603 (a nearby dependency version) apart, as the repository allows it.</summary>
    internal static string[] WarningLines(string output) =>
        output.Split('\n')
            .Where(line => line.Contains(" warning ", StringComparison.Ordinal) && line.Contains(':', StringComparison.Ordinal))
            .Where(line => !line.Contains("NU1603", StringComparison.Ordinal))
            .ToArray();

    /// <summary>The nuspec's &lt;metadata&gt; element.</summary>
    internal static XElement Metadata(ZipArchive package)
    {
        ZipArchiveEntry nuspec = package.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using Stream stream = nuspec.Open();
        XElement root = XDocument.Load(stream).Root!;
        return root.Element(root.Name.Namespace + "metadata")!;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a process that timed out may still hold a file.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    // CI=true whatever the machine says, so that the tests always see a deterministic build (PDB paths under /_/).
    private ProcessResult Pack(string project) =>
        DotNetCli.Run(RepositoryRoot, CommandTimeout, new Dictionary<string, string> { ["CI"] = "true" },
            "pack", Path.Combine(RepositoryRoot, project), "-c", "Release", "-o", Feed, "-p:Version=" + Version);

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Generator.sln above {AppContext.BaseDirectory}.");
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packages";
}
