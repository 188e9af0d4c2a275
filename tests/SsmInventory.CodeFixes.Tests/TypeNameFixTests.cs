using Microsoft.CodeAnalysis.Testing;
using SsmInventory.Generator.Analyzers;

namespace SsmInventory.CodeFixes.Tests;

/// <summary>SSMINV001/002 (the <c>Custom:</c> prefix) and SSMINV003 (capitalisation).</summary>
public sealed class TypeNameFixTests
{
    private static Task VerifyPrefixAsync(string source, string fixedSource, params DiagnosticResult[] expected) =>
        CodeFixHarness.VerifyAsync<InventoryTypeAttributeAnalyzer, UseCustomPrefixCodeFixProvider>(source, fixedSource, expected);

    private static Task VerifyCapitalizeAsync(string source, string fixedSource, params DiagnosticResult[] expected) =>
        CodeFixHarness.VerifyAsync<InventoryTypeAttributeAnalyzer, CapitalizeTypeNameCodeFixProvider>(source, fixedSource, expected);

    private static string Source(string typeName) => $$"""
        using SsmInventory;

        [InventoryType({{typeName}}, "1.0")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";
        }
        """;

    [Theory]
    [InlineData("{|SSMINV001:\"Certificate\"|}")]
    [InlineData("{|SSMINV001:\"CUSTOM:Certificate\"|}")]
    [InlineData("{|SSMINV002:\"AWS:Certificate\"|}")]
    public Task PrefixIsAddedOrCorrected(string typeName) =>
        VerifyPrefixAsync(Source(typeName), Source("\"Custom:Certificate\""));

    [Fact]
    public Task TriviaAndNamedArgumentsAreKept() => VerifyPrefixAsync(
        """
        using SsmInventory;

        [InventoryType(schemaVersion: "1.0", typeName: /* name */ {|SSMINV001:"Certificate"|} /* end */, MaxRows = 5)]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";
        }
        """,
        """
        using SsmInventory;

        [InventoryType(schemaVersion: "1.0", typeName: /* name */ "Custom:Certificate" /* end */, MaxRows = 5)]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";
        }
        """);

    [Fact]
    public Task VerbatimLiteralBecomesAnEscapedLiteral() => VerifyPrefixAsync(
        """"
        using SsmInventory;

        [InventoryType({|SSMINV001:@"My\Cert ""A"""|}, "1.0")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";
        }
        """",
        """"
        using SsmInventory;

        [InventoryType("Custom:My\\Cert \"A\"", "1.0")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";
        }
        """");

    [Fact]
    public Task ConstantReferenceGetsNoFix()
    {
        const string source = """
            using SsmInventory;

            internal static class Names
            {
                public const string Cert = "Certificate";
            }

            [InventoryType({|SSMINV001:Names.Cert|}, "1.0")]
            public sealed class Certificate
            {
                public string Subject { get; set; } = "";
            }
            """;
        return VerifyPrefixAsync(source, source);
    }

    [Fact]
    public Task ConcatenationGetsNoFix()
    {
        const string source = """
            using SsmInventory;

            [InventoryType({|SSMINV002:"AWS:" + "Certificate"|}, "1.0")]
            public sealed class Certificate
            {
                public string Subject { get; set; } = "";
            }
            """;
        return VerifyPrefixAsync(source, source);
    }

    [Fact]
    public async Task ConstantReferenceOffersNoCodeAction()
    {
        const string source = """
            using SsmInventory;

            internal static class Names
            {
                public const string Cert = "AWS:Certificate";
            }

            [InventoryType(Names.Cert, "1.0")]
            public sealed class Certificate
            {
                public string Subject { get; set; } = "";
            }
            """;
        (_, var diagnostics) = await CodeFixHarness.AnalyzeAsync(source, new InventoryTypeAttributeAnalyzer());
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.TypeNameReservedAwsPrefix);
        Assert.Empty(await CodeFixHarness.GetCodeActionsAsync(source, new InventoryTypeAttributeAnalyzer(), new UseCustomPrefixCodeFixProvider()));
    }

    [Fact]
    public Task FixAllCoversBothPrefixDiagnostics() => VerifyPrefixAsync(
        """
        using SsmInventory;

        [InventoryType({|SSMINV001:"Certificate"|}, "1.0")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";
        }

        [InventoryType({|SSMINV002:"AWS:Service"|}, "1.0")]
        public sealed class Service
        {
            public string Name { get; set; } = "";
        }

        [InventoryType({|SSMINV001:"custom:Package"|}, "1.0")]
        public sealed class Package
        {
            public string Name { get; set; } = "";
        }
        """,
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";
        }

        [InventoryType("Custom:Service", "1.0")]
        public sealed class Service
        {
            public string Name { get; set; } = "";
        }

        [InventoryType("Custom:Package", "1.0")]
        public sealed class Package
        {
            public string Name { get; set; } = "";
        }
        """);

    [Fact]
    public Task PrefixFixThatLeavesALowerCaseNameReportsCapitalisation() => VerifyPrefixAsync(
        """
        using SsmInventory;

        [InventoryType({|SSMINV001:"certificate"|}, "1.0")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";
        }
        """,
        """
        using SsmInventory;

        [InventoryType({|SSMINV003:"Custom:certificate"|}, "1.0")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";
        }
        """);

    [Fact]
    public Task LowerCaseNameIsCapitalised() => VerifyCapitalizeAsync(
        """
        using SsmInventory;

        [InventoryType({|SSMINV003:"Custom:certificate"|}, "1.0")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";
        }
        """,
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";
        }
        """);

    [Theory]
    [InlineData("Custom:1Certificate")]
    [InlineData("Custom:émoji")]
    [InlineData("Custom:")]
    public Task NameWithoutASuggestionGetsNoFix(string typeName)
    {
        string source = $$"""
            using SsmInventory;

            [InventoryType({|SSMINV003:"{{typeName}}"|}, "1.0")]
            public sealed class Certificate
            {
                public string Subject { get; set; } = "";
            }
            """;
        return VerifyCapitalizeAsync(source, source);
    }

    [Fact]
    public Task FixAllCapitalisesEveryType() => VerifyCapitalizeAsync(
        """
        using SsmInventory;

        [InventoryType({|SSMINV003:"Custom:certificate"|}, "1.0")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";
        }

        [InventoryType({|SSMINV003:"Custom:service"|}, "1.0")]
        public sealed record Service(string Name);

        [InventoryType({|SSMINV003:"Custom:émoji"|}, "1.0")]
        public sealed record Emoji(string Name);
        """,
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";
        }

        [InventoryType("Custom:Service", "1.0")]
        public sealed record Service(string Name);

        [InventoryType({|SSMINV003:"Custom:émoji"|}, "1.0")]
        public sealed record Emoji(string Name);
        """);

    [Theory]
    [InlineData("Certificate", DiagnosticIds.TypeNameMissingCustomPrefix, "Custom:Certificate")]
    [InlineData("AWS:Certificate", DiagnosticIds.TypeNameReservedAwsPrefix, "Custom:Certificate")]
    public async Task FixedPrefixCompilesWithoutTheDiagnostic(string typeName, string id, string expected)
    {
        string source = $$"""
            using SsmInventory;

            [InventoryType("{{typeName}}", "1.0")]
            public sealed record Certificate(string Subject);
            """;
        string fixedSource = await CodeFixHarness.ApplyAllAndCompileAsync(source, id, new InventoryTypeAttributeAnalyzer(), new UseCustomPrefixCodeFixProvider());
        Assert.Contains($"[InventoryType(\"{expected}\", \"1.0\")]", fixedSource);
    }

    [Fact]
    public async Task FixedCapitalisationCompilesWithoutTheDiagnostic()
    {
        const string source = """
            using SsmInventory;

            [InventoryType("Custom:certificate", "1.0")]
            public sealed record Certificate(string Subject);
            """;
        string fixedSource = await CodeFixHarness.ApplyAllAndCompileAsync(
            source, DiagnosticIds.TypeNameNotCapitalized, new InventoryTypeAttributeAnalyzer(), new CapitalizeTypeNameCodeFixProvider());
        Assert.Contains("\"Custom:Certificate\"", fixedSource);
    }
}
