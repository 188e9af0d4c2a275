using SsmInventory.Generator.Analyzers;

namespace SsmInventory.CodeFixes.Tests;

/// <summary>SSMINV022: renaming a duplicate attribute name.</summary>
public sealed class RenameDuplicateFixTests
{
    private static Task VerifyAsync(string source, string fixedSource) =>
        CodeFixHarness.VerifyAsync<InventoryPropertyAnalyzer, RenameDuplicateAttributeNameCodeFixProvider>(source, fixedSource);

    [Fact]
    public Task ExistingNameIsReplaced() => VerifyAsync(
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate
        {
            public string Id { get; set; } = "";

            [InventoryName({|SSMINV022:"ID"|})]
            public string Identifier { get; set; } = "";
        }
        """,
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate
        {
            public string Id { get; set; } = "";

            [InventoryName("ID2")]
            public string Identifier { get; set; } = "";
        }
        """);

    [Fact]
    public Task NameAttributeIsAddedWhenMissing() => VerifyAsync(
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate
        {
            public string Name { get; set; } = "";

            public string {|SSMINV022:NAME|} { get; set; } = "";
        }
        """,
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate
        {
            public string Name { get; set; } = "";

            [InventoryName("NAME2")]
            public string NAME { get; set; } = "";
        }
        """);

    [Fact]
    public Task NameIsQualifiedWithoutAUsing() => VerifyAsync(
        """
        [SsmInventory.InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate
        {
            public string Name { get; set; } = "";

            public string {|SSMINV022:NAME|} { get; set; } = "";
        }
        """,
        """
        [SsmInventory.InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate
        {
            public string Name { get; set; } = "";

            [SsmInventory.InventoryName("NAME2")]
            public string NAME { get; set; } = "";
        }
        """);

    [Fact]
    public Task PositionalRecordParameterGetsPropertyTarget() => VerifyAsync(
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed record Certificate([property: InventoryName("title")] string Name, string {|SSMINV022:Title|});
        """,
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed record Certificate([property: InventoryName("title")] string Name, [property: InventoryName("Title2")] string Title);
        """);

    [Fact]
    public Task PositionalRecordStructParameterGetsPropertyTarget() => VerifyAsync(
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public readonly record struct Certificate(
            [property: InventoryName("title")] string Name,
            string {|SSMINV022:Title|});
        """,
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public readonly record struct Certificate(
            [property: InventoryName("title")] string Name,
            [property: InventoryName("Title2")] string Title);
        """);

    [Fact]
    public Task PositionalRecordParameterNameIsReplaced() => VerifyAsync(
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed record Certificate(string Subject, [property: InventoryName({|SSMINV022:"subject"|})] string Issuer);
        """,
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed record Certificate(string Subject, [property: InventoryName("subject2")] string Issuer);
        """);

    [Fact]
    public Task ConstantReferenceGetsNoFix()
    {
        const string source = """
            using SsmInventory;

            internal static class Names
            {
                public const string Id = "ID";
            }

            [InventoryType("Custom:Certificate", "1.0")]
            public sealed class Certificate
            {
                public string Id { get; set; } = "";

                [InventoryName({|SSMINV022:Names.Id|})]
                public string Identifier { get; set; } = "";
            }
            """;
        return VerifyAsync(source, source);
    }

    [Fact]
    public async Task ConstantReferenceOffersNoCodeAction()
    {
        const string source = """
            using SsmInventory;

            [InventoryType("Custom:Certificate", "1.0")]
            public sealed class Certificate
            {
                public const string Key = "id";

                public string Id { get; set; } = "";

                [InventoryName(Key)]
                public string Identifier { get; set; } = "";
            }
            """;
        (_, var diagnostics) = await CodeFixHarness.AnalyzeAsync(source, new InventoryPropertyAnalyzer());
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.DuplicateAttributeName);
        Assert.Empty(await CodeFixHarness.GetCodeActionsAsync(source, new InventoryPropertyAnalyzer(), new RenameDuplicateAttributeNameCodeFixProvider()));
    }

    [Fact]
    public Task FixAllRenamesEveryDuplicate() => VerifyAsync(
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate
        {
            public string Id { get; set; } = "";

            public string {|SSMINV022:ID|} { get; set; } = "";

            public string Name { get; set; } = "";

            [InventoryName({|SSMINV022:"name"|})]
            public string Title { get; set; } = "";
        }

        [InventoryType("Custom:Service", "1.0")]
        public sealed record Service([property: InventoryName("name")] string Title, string {|SSMINV022:Name|});
        """,
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate
        {
            public string Id { get; set; } = "";

            [InventoryName("ID2")]
            public string ID { get; set; } = "";

            public string Name { get; set; } = "";

            [InventoryName("name2")]
            public string Title { get; set; } = "";
        }

        [InventoryType("Custom:Service", "1.0")]
        public sealed record Service([property: InventoryName("name")] string Title, [property: InventoryName("Name2")] string Name);
        """);

    [Fact]
    public async Task FixedNamesCompileWithoutTheDiagnostic()
    {
        const string source = """
            using SsmInventory;

            [InventoryType("Custom:Certificate", "1.0")]
            public sealed class Certificate
            {
                public string Id { get; set; } = "";

                public string ID { get; set; } = "";

                [InventoryName("iD")]
                public string Key { get; set; } = "";
            }
            """;
        string fixedSource = await CodeFixHarness.ApplyAllAndCompileAsync(
            source, DiagnosticIds.DuplicateAttributeName, new InventoryPropertyAnalyzer(), new RenameDuplicateAttributeNameCodeFixProvider());
        Assert.Contains("[InventoryName(\"ID2\")]", fixedSource);
    }
}
