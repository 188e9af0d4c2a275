using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static SsmInventory.Analyzers.Tests.Snippets;

namespace SsmInventory.Analyzers.Tests;

/// <summary>The examples on the rule pages are real: each "Bad" one triggers its rule, and each "Good" one is clean.</summary>
public sealed class RulePageExampleTests
{
    // Examples that are abbreviated ("// ... 29 more properties ...") or need schema lock files.
    private static readonly HashSet<string> s_notCompilable = ["SSMINV008", "SSMINV020", "SSMINV040", "SSMINV041", "SSMINV042", "SSMINV043"];

    public static TheoryData<string> Rules => new(
        Directory.GetFiles(RulesDirectory, "SSMINV*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(id => !s_notCompilable.Contains(id!))
            .OrderBy(id => id, StringComparer.Ordinal)!);

    private static string RulesDirectory
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
                {
                    return Path.Combine(directory.FullName, "src", "SsmInventory.Generator", "Analyzers", "Rules");
                }
            }

            throw new InvalidOperationException("No Generator.sln above the test output.");
        }
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task BadTriggersTheRuleAndGoodDoesNot(string id)
    {
        string page = File.ReadAllText(Path.Combine(RulesDirectory, id + ".md")).Replace("\r\n", "\n");
        int bad = page.IndexOf("\n## Bad\n", StringComparison.Ordinal);
        int good = page.IndexOf("\n## Good\n", StringComparison.Ordinal);
        string badCode = CSharpBlock(page.Substring(bad, good - bad));
        string goodCode = CSharpBlock(page.Substring(good));

        // SSMINV012 is about C# 8; its good example is the same code with the default version.
        CSharpParseOptions badOptions = id == "SSMINV012" ? TestCompilation.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp8) : TestCompilation.ParseOptions;

        var badDiagnostics = await DiagnosticsAsync(id, badCode, badOptions);
        Assert.Contains(badDiagnostics, d => d.Id == id);

        var goodDiagnostics = await DiagnosticsAsync(id, goodCode, TestCompilation.ParseOptions);
        Assert.Empty(goodDiagnostics);
    }

    private static async Task<List<Diagnostic>> DiagnosticsAsync(string id, string code, CSharpParseOptions options)
    {
        CSharpCompilation compilation = TestCompilation.Compile(options, Usings + code).WithRule(id, ReportDiagnostic.Warn);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{id}: the example does not compile:\n{string.Join("\n", errors)}\n{code}");

        var (diagnostics, exceptions) = await TestCompilation.RunAnalyzersAsync(compilation);
        Assert.Empty(exceptions);
        return [.. diagnostics];
    }

    private static string CSharpBlock(string section)
    {
        Match match = Regex.Match(section, "```csharp\n(.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, "no C# example in:\n" + section);
        return match.Groups[1].Value;
    }
}
