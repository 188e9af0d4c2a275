using System.Reflection;
using Microsoft.CodeAnalysis;
using SsmInventory.Generator.Analyzers;

namespace SsmInventory.Analyzers.Tests;

/// <summary>Every diagnostic is documented, tracked for release, and reported by some analyzer.</summary>
public sealed class DescriptorTests
{
    private static readonly string s_repositoryRoot = FindRepositoryRoot();

    public static TheoryData<string> DescriptorIds => new(AllDescriptors().Select(d => d.Id));

    [Fact]
    public void IdsAreUniqueAndMatchDiagnosticIds()
    {
        var descriptors = AllDescriptors();
        Assert.NotEmpty(descriptors);
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());

        // Every ID constant has a descriptor, and no descriptor uses an ID that is not a constant.
        var ids = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(DiagnosticIds.SuggestionProperty))
            .Select(f => (string)f.GetRawConstantValue()!)
            .OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(ids, descriptors.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void DescriptorIsWellFormed(string id)
    {
        DiagnosticDescriptor descriptor = Descriptor(id);
        Assert.Matches(@"^SSMINV\d{3}$", descriptor.Id);
        Assert.Equal("SsmInventory", descriptor.Category);
        Assert.Equal(Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()));
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void RulePageExistsWithABadAndAGoodExample(string id)
    {
        DiagnosticDescriptor descriptor = Descriptor(id);
        string path = Path.Combine(s_repositoryRoot, "src", "SsmInventory.Generator", "Analyzers", "Rules", id + ".md");
        Assert.True(File.Exists(path), $"{path} is missing");
        string page = File.ReadAllText(path).Replace("\r\n", "\n");

        Assert.StartsWith($"# {id}: ", page);
        Assert.Contains($"\nSeverity: {descriptor.DefaultSeverity}", page);
        if (!descriptor.IsEnabledByDefault)
        {
            Assert.Contains("disabled by default", page, StringComparison.OrdinalIgnoreCase);
        }

        // "## Bad" and then "## Good", each with a fenced example.
        int bad = page.IndexOf("\n## Bad\n", StringComparison.Ordinal);
        int good = page.IndexOf("\n## Good\n", StringComparison.Ordinal);
        Assert.True(bad >= 0 && good > bad, $"{id}.md needs a '## Bad' section followed by a '## Good' section");
        Assert.Matches(@"```(csharp|json)\n", page.Substring(bad, good - bad));
        Assert.Matches(@"```(csharp|json)\n", page.Substring(good));
    }

    [Fact]
    public void RulesReadmeListsEveryRule()
    {
        string readme = File.ReadAllText(Path.Combine(s_repositoryRoot, "src", "SsmInventory.Generator", "Analyzers", "Rules", "README.md"));
        foreach (DiagnosticDescriptor descriptor in AllDescriptors())
        {
            string severity = descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : $"{descriptor.DefaultSeverity} (disabled by default)";
            Assert.Contains($"| [{descriptor.Id}]({descriptor.Id}.md) | {severity} | {descriptor.Title} |", readme);
        }
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void ReleaseTrackingRowMatches(string id)
    {
        DiagnosticDescriptor descriptor = Descriptor(id);
        string[] rows = File.ReadAllLines(Path.Combine(s_repositoryRoot, "src", "SsmInventory.Generator", "AnalyzerReleases.Unshipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(s_repositoryRoot, "src", "SsmInventory.Generator", "AnalyzerReleases.Shipped.md")))
            .Where(line => line.StartsWith(id + " ", StringComparison.Ordinal))
            .ToArray();
        string row = Assert.Single(rows);
        string[] cells = row.Split('|').Select(c => c.Trim()).ToArray();
        Assert.Equal(id, cells[0]);
        Assert.Equal(descriptor.Category, cells[1]);
        Assert.Equal(descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled", cells[2]);
    }

    [Fact]
    public void EveryDescriptorIsReportedBySomeAnalyzer()
    {
        var supported = TestCompilation.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var unreported = AllDescriptors().Select(d => d.Id).Where(id => !supported.Contains(id)).ToList();
        Assert.True(unreported.Count == 0, "No analyzer supports " + string.Join(", ", unreported));
    }

    [Fact]
    public void CompilationEndDiagnosticsAreTagged()
    {
        // Diagnostics reported from a compilation-end action must say so, or the IDE reports them unreliably.
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, Descriptors.DuplicateTypeName.CustomTags);
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, Descriptors.TooManyCustomTypes.CustomTags);
    }

    private static List<DiagnosticDescriptor> AllDescriptors() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

    private static DiagnosticDescriptor Descriptor(string id) => AllDescriptors().Single(d => d.Id == id);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Generator.sln above {AppContext.BaseDirectory}");
    }
}
