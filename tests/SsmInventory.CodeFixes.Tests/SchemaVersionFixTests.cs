using SsmInventory.Generator.Analyzers;

namespace SsmInventory.CodeFixes.Tests;

/// <summary>SSMINV006: normalising the SchemaVersion.</summary>
public sealed class SchemaVersionFixTests
{
    private static Task VerifyAsync(string source, string fixedSource) =>
        CodeFixHarness.VerifyAsync<InventoryTypeAttributeAnalyzer, NormalizeSchemaVersionCodeFixProvider>(source, fixedSource);

    private static string Source(string version) => $$"""
        using SsmInventory;

        [InventoryType("Custom:Certificate", {{version}})]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";
        }
        """;

    [Theory]
    [InlineData("\"1\"", "\"1.0\"")]
    [InlineData("\"v1.2.3\"", "\"1.2\"")]
    [InlineData("\" 2.5 \"", "\"2.5\"")]
    [InlineData("@\"1\"", "\"1.0\"")]
    [InlineData("\"\"\"v3\"\"\"", "\"3.0\"")]
    public Task VersionIsNormalised(string version, string expected) =>
        VerifyAsync(Source("{|SSMINV006:" + version + "|}"), Source(expected));

    [Theory]
    [InlineData("\"latest\"")]
    [InlineData("\"\"")]
    [InlineData("\"1234567\"")]
    public Task NoSuggestionGetsNoFix(string version)
    {
        string source = Source("{|SSMINV006:" + version + "|}");
        return VerifyAsync(source, source);
    }

    [Fact]
    public async Task NoSuggestionOffersNoCodeAction()
    {
        string source = Source("\"latest\"");
        (_, var diagnostics) = await CodeFixHarness.AnalyzeAsync(source, new InventoryTypeAttributeAnalyzer());
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.InvalidSchemaVersion);
        Assert.Empty(await CodeFixHarness.GetCodeActionsAsync(source, new InventoryTypeAttributeAnalyzer(), new NormalizeSchemaVersionCodeFixProvider()));
    }

    [Fact]
    public Task ConstantReferenceGetsNoFix()
    {
        const string source = """
            using SsmInventory;

            internal static class Versions
            {
                public const string Current = "v1";
            }

            [InventoryType("Custom:Certificate", {|SSMINV006:Versions.Current|})]
            public sealed class Certificate
            {
                public string Subject { get; set; } = "";
            }
            """;
        return VerifyAsync(source, source);
    }

    [Fact]
    public Task FixAllNormalisesEveryVersion() => VerifyAsync(
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", {|SSMINV006:"1"|})]
        public sealed record Certificate(string Subject);

        [InventoryType("Custom:Service", {|SSMINV006:"v2.1.7"|})]
        public sealed record Service(string Name);

        [InventoryType("Custom:Package", {|SSMINV006:"latest"|})]
        public sealed record Package(string Name);

        [InventoryType("Custom:Driver", {|SSMINV006:"3-4"|})]
        public sealed record Driver(string Name);
        """,
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed record Certificate(string Subject);

        [InventoryType("Custom:Service", "2.1")]
        public sealed record Service(string Name);

        [InventoryType("Custom:Package", {|SSMINV006:"latest"|})]
        public sealed record Package(string Name);

        [InventoryType("Custom:Driver", "3.4")]
        public sealed record Driver(string Name);
        """);

    [Fact]
    public async Task FixedVersionCompilesWithoutTheDiagnostic()
    {
        string fixedSource = await CodeFixHarness.ApplyAllAndCompileAsync(
            Source("\"v1.2.3\""), DiagnosticIds.InvalidSchemaVersion, new InventoryTypeAttributeAnalyzer(), new NormalizeSchemaVersionCodeFixProvider());
        Assert.Equal(Source("\"1.2\""), fixedSource);
    }
}
