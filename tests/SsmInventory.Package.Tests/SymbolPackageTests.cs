using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace SsmInventory.Package.Tests;

/// <summary>
/// Each package has a symbol package (.snupkg) whose portable PDBs belong to the packed assemblies, use deterministic
/// paths, and let a debugger get every source: through SourceLink, at the commit the package names, or embedded.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class SymbolPackageTests(PackageFixture packages)
{
    /// <summary>The custom debug information kinds of the portable PDB format.</summary>
    private static readonly Guid s_sourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    private static readonly Guid s_embeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
    private static readonly Guid s_sha256 = new("8829D00F-11B8-4213-878B-770E8597AC16");

    /// <summary>The root a CI build (ContinuousIntegrationBuild) maps the repository to in PDBs.</summary>
    private const string MappedRoot = "/_/";

    [Theory]
    [InlineData("SsmInventory", "src/SsmInventory/InventoryItemData.cs")]
    [InlineData("SsmInventory.Aws", "src/SsmInventory.Aws/SsmInventoryPublisher.cs")]
    public void Each_assembly_has_a_portable_pdb_with_sourcelink_to_the_packed_commit(string id, string trackedSource)
    {
        packages.AssertPacked();
        string symbolPackagePath = packages.SymbolPackagePath(id);
        Assert.True(File.Exists(symbolPackagePath),
            $"No {Path.GetFileName(symbolPackagePath)}. The feed has: {string.Join(", ", Directory.GetFiles(packages.Feed).Select(Path.GetFileName))}");

        using ZipArchive package = ZipFile.OpenRead(packages.PackagePath(id));
        using ZipArchive symbolPackage = ZipFile.OpenRead(symbolPackagePath);
        string commit = RepositoryCommit(package);
        string[] assemblies = package.Entries.Select(e => e.FullName)
            .Where(f => f.StartsWith("lib/", StringComparison.Ordinal) && f.EndsWith(".dll", StringComparison.Ordinal))
            .ToArray();
        Assert.NotEmpty(assemblies);

        foreach (string assembly in assemblies)
        {
            string pdbPath = Path.ChangeExtension(assembly, ".pdb");
            ZipArchiveEntry? pdbEntry = symbolPackage.GetEntry(pdbPath);
            Assert.True(pdbEntry is not null,
                $"The symbol package has no {pdbPath}. It has: {string.Join(", ", symbolPackage.Entries.Select(e => e.FullName))}");

            using var pe = new PEReader(Read(package.GetEntry(assembly)!));
            using MetadataReaderProvider pdb = MetadataReaderProvider.FromPortablePdbStream(Read(pdbEntry));
            MetadataReader reader = pdb.GetMetadataReader();

            AssertBelongsTo(pe, reader, assembly);
            Assert.Equal(
                new Dictionary<string, string> { [MappedRoot + "*"] = $"https://raw.githubusercontent.com/ssminventory/ssminventory/{commit}/*" },
                SourceLinkDocuments(reader, pdbPath));
            AssertEverySourceIsMappedOrEmbedded(reader, pdbPath, trackedSource);
        }
    }

    /// <summary>The nuspec's repository commit, which SourceLink must point at too.</summary>
    private static string RepositoryCommit(ZipArchive package)
    {
        XElement metadata = PackageFixture.Metadata(package);
        string? commit = (string?)metadata.Element(metadata.Name.Namespace + "repository")?.Attribute("commit");
        Assert.True(commit is not null && commit.Length == 40 && commit.All(char.IsAsciiHexDigitLower),
            $"The nuspec's <repository> has no commit id: {metadata}");
        return commit;
    }

    /// <summary>The assembly's CodeView entry names this very PDB (same id), a portable one, by a mapped path.</summary>
    private static void AssertBelongsTo(PEReader pe, MetadataReader pdb, string assembly)
    {
        DebugDirectoryEntry codeView = pe.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.CodeView);
        Assert.True(codeView.IsPortableCodeView, $"{assembly} points at a Windows PDB, not a portable one.");
        CodeViewDebugDirectoryData data = pe.ReadCodeViewDebugDirectoryData(codeView);
        Assert.Equal(new BlobContentId(data.Guid, codeView.Stamp), new BlobContentId(pdb.DebugMetadataHeader!.Id));
        Assert.True(data.Path.StartsWith(MappedRoot, StringComparison.Ordinal), $"{assembly} names its PDB by an unmapped path: {data.Path}");
    }

    private static Dictionary<string, string> SourceLinkDocuments(MetadataReader pdb, string pdbPath)
    {
        BlobHandle[] sourceLinks = pdb.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
            .Select(pdb.GetCustomDebugInformation)
            .Where(information => pdb.GetGuid(information.Kind) == s_sourceLinkKind)
            .Select(information => information.Value)
            .ToArray();
        Assert.True(sourceLinks.Length == 1, $"{pdbPath} has {sourceLinks.Length} SourceLink entries, not one.");

        string json = Encoding.UTF8.GetString(pdb.GetBlobBytes(sourceLinks[0]));
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("documents").EnumerateObject()
            .ToDictionary(mapping => mapping.Name, mapping => mapping.Value.GetString()!, StringComparer.Ordinal);
    }

    /// <summary>
    /// Every document has a mapped path; one that is not embedded (a tracked source) is the repository's file at that
    /// path, byte for byte, so that SourceLink's URL serves what was compiled.
    /// </summary>
    private void AssertEverySourceIsMappedOrEmbedded(MetadataReader pdb, string pdbPath, string trackedSource)
    {
        var linked = new List<string>();
        foreach (DocumentHandle handle in pdb.Documents)
        {
            Document document = pdb.GetDocument(handle);
            string name = pdb.GetString(document.Name);
            Assert.True(name.StartsWith(MappedRoot, StringComparison.Ordinal), $"{pdbPath} has a source with an unmapped path: {name}");

            bool embedded = pdb.GetCustomDebugInformation(handle)
                .Any(information => pdb.GetGuid(pdb.GetCustomDebugInformation(information).Kind) == s_embeddedSourceKind);
            if (embedded)
            {
                continue;
            }

            string relative = name[MappedRoot.Length..];
            string file = Path.Combine(packages.RepositoryRoot, relative);
            Assert.True(File.Exists(file), $"{pdbPath} links {name}, which is neither embedded nor a file of the repository.");
            Assert.Equal(s_sha256, pdb.GetGuid(document.HashAlgorithm));
            Assert.True(SHA256.HashData(File.ReadAllBytes(file)).AsSpan().SequenceEqual(pdb.GetBlobBytes(document.Hash)),
                $"{pdbPath} links {name}, whose hash differs from the repository's file.");
            linked.Add(relative);
        }

        Assert.True(linked.Contains(trackedSource),
            $"{pdbPath} does not link {trackedSource} through SourceLink. Linked: {string.Join(", ", linked)}");
    }

    private static MemoryStream Read(ZipArchiveEntry entry)
    {
        var buffer = new MemoryStream();
        using (Stream stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        return buffer;
    }
}
