using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SsmInventory.Generator.Tests;

/// <summary>
/// Compares the emitted code with the checked-in <c>Baselines/{case}/{hint name}.txt</c> files.
/// Run with <c>ACCEPT_BASELINES=1</c> to rewrite them after a deliberate change, then review the diff.
/// </summary>
public sealed class GoldenFileTests
{
    public static TheoryData<string> Cases => new(GoldenCases.All.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Emitted_code_matches_the_baseline(string caseName)
    {
        (GeneratorRunResult result, Compilation output) = GeneratorHarness.Run(GeneratorHarness.Compile(GoldenCases.All[caseName]));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.NotEmpty(result.GeneratedSources);

        string folder = Path.Combine(BaselineRoot(), caseName);
        bool accept = Environment.GetEnvironmentVariable("ACCEPT_BASELINES") == "1";
        if (accept)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
        }

        foreach (GeneratedSourceResult source in result.GeneratedSources)
        {
            string path = Path.Combine(folder, source.HintName + ".txt");
            string actual = source.SourceText.ToString();
            if (accept)
            {
                File.WriteAllText(path, actual);
                continue;
            }

            Assert.True(File.Exists(path), $"No baseline {path}; run the tests with ACCEPT_BASELINES=1 to create it.");
            Assert.Equal(File.ReadAllText(path), actual);
        }

        if (!accept)
        {
            Assert.Equal(
                Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal),
                result.GeneratedSources.Select(s => s.HintName + ".txt").Order(StringComparer.Ordinal));
        }
    }

    private static string BaselineRoot([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Baselines");
}
