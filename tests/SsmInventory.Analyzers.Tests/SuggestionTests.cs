using Microsoft.CodeAnalysis;
using SsmInventory.Generator.Analyzers;
using static SsmInventory.Analyzers.Tests.Snippets;

namespace SsmInventory.Analyzers.Tests;

/// <summary>The replacement each code fix applies travels in the diagnostic's <see cref="DiagnosticIds.SuggestionProperty"/>.</summary>
public sealed class SuggestionTests
{
    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("v1", "1.0")]
    [InlineData("v1.2.3", "1.2")]
    [InlineData("1.0.0", "1.0")]
    [InlineData("1.0\n", "1.0")]
    [InlineData("version 3", "3.0")]
    [InlineData(" 1.5 ", "1.5")]
    [InlineData("1234567.0", null)] // No valid version to suggest.
    [InlineData("v", null)]
    [InlineData("", null)]
    public async Task SSMINV006_SuggestsANormalizedVersion(string version, string? expected)
    {
        Assert.Equal(expected, await SuggestionAsync(Type("\"Custom:Certificate\"", Literal(version)), DiagnosticIds.InvalidSchemaVersion));
    }

    [Theory]
    [InlineData("custom:foo", "Custom:foo")]
    [InlineData("CUSTOM:Foo", "Custom:Foo")]
    [InlineData("Certificate", "Custom:Certificate")]
    [InlineData("", "Custom:")]
    public async Task SSMINV001_SuggestsTheCustomPrefix(string typeName, string expected)
    {
        Assert.Equal(expected, await SuggestionAsync(Type(Literal(typeName)), DiagnosticIds.TypeNameMissingCustomPrefix));
    }

    [Theory]
    [InlineData("AWS:Foo", "Custom:Foo")]
    [InlineData("AWS:", "Custom:")]
    public async Task SSMINV002_SuggestsReplacingTheAwsPrefix(string typeName, string expected)
    {
        Assert.Equal(expected, await SuggestionAsync(Type(Literal(typeName)), DiagnosticIds.TypeNameReservedAwsPrefix));
    }

    [Theory]
    [InlineData("Custom:foo", "Custom:Foo")]
    [InlineData("Custom:certificate_v2", "Custom:Certificate_v2")]
    [InlineData("Custom:", null)] // Nothing to capitalise.
    [InlineData("Custom:1Password", null)]
    [InlineData("Custom:élan", null)] // 'É' is not A-Z either.
    public async Task SSMINV003_SuggestsCapitalising(string typeName, string? expected)
    {
        Assert.Equal(expected, await SuggestionAsync(Type(Literal(typeName)), DiagnosticIds.TypeNameNotCapitalized));
    }

    [Fact]
    public async Task SSMINV022_SuggestsTheFirstFreeName()
    {
        string source = Usings + """
            [InventoryType("Custom:Item", "1.0")]
            public sealed class Item
            {
                public string? Name { get; set; }
                [InventoryName("Name")] public string? Other { get; set; }
            }
            """;
        Assert.Equal("Name2", await SuggestionAsync(source, DiagnosticIds.DuplicateAttributeName));

        // Taken names are skipped, ignoring case.
        Assert.Equal("NAME3", await SuggestionAsync(source.Replace("public string? Name { get; set; }", "public string? Name { get; set; } public int name2 { get; set; }").Replace("[InventoryName(\"Name\")]", "[InventoryName(\"NAME\")]"), DiagnosticIds.DuplicateAttributeName));
    }

    [Fact]
    public async Task SSMINV022_SuggestionsForSeveralDuplicatesDoNotClashWithEachOther()
    {
        string source = Usings + """
            [InventoryType("Custom:Item", "1.0")]
            public sealed class Item
            {
                public string? Name { get; set; }
                public string? NAME { get; set; }
                public string? name { get; set; }
            }
            """;
        var (diagnostics, exceptions) = await TestCompilation.RunAnalyzersAsync(TestCompilation.Compile(source));
        Assert.Empty(exceptions);
        string?[] suggestions = diagnostics.Where(d => d.Id == DiagnosticIds.DuplicateAttributeName)
            .Select(d => d.Properties[DiagnosticIds.SuggestionProperty]).ToArray();
        Assert.Equal(2, suggestions.Length);
        Assert.Equal(2, suggestions.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public async Task DiagnosticsWithoutAFix_CarryNoSuggestion()
    {
        var compilation = TestCompilation.Compile(Type(Literal(new string('A', 120)), "\"1.0\""));
        var (diagnostics, exceptions) = await TestCompilation.RunAnalyzersAsync(compilation);
        Assert.Empty(exceptions);
        Diagnostic length = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.TypeNameLength);
        Assert.False(length.Properties.ContainsKey(DiagnosticIds.SuggestionProperty));
    }

    private static async Task<string?> SuggestionAsync(string source, string id)
    {
        var (diagnostics, exceptions) = await TestCompilation.RunAnalyzersAsync(TestCompilation.Compile(source));
        Assert.Empty(exceptions);
        Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id == id);
        return diagnostic.Properties.TryGetValue(DiagnosticIds.SuggestionProperty, out string? value) ? value : null;
    }

    private static string Literal(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
}
