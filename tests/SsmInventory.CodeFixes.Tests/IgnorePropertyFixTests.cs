using SsmInventory.Generator.Analyzers;

namespace SsmInventory.CodeFixes.Tests;

/// <summary>SSMINV023: leaving a property with no conversion out with [InventoryIgnore].</summary>
public sealed class IgnorePropertyFixTests
{
    private static Task VerifyAsync(string source, string fixedSource) =>
        CodeFixHarness.VerifyAsync<InventoryPropertyAnalyzer, IgnorePropertyCodeFixProvider>(source, fixedSource);

    [Fact]
    public Task PropertyIsIgnored() => VerifyAsync(
        """
        using SsmInventory;

        public sealed class Thumbprint
        {
        }

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";

            public {|SSMINV023:Thumbprint|} Print { get; set; } = new();
        }
        """,
        """
        using SsmInventory;

        public sealed class Thumbprint
        {
        }

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";

            [InventoryIgnore]
            public Thumbprint Print { get; set; } = new();
        }
        """);

    [Fact]
    public Task NameIsQualifiedWithoutAUsing() => VerifyAsync(
        """
        using System;

        namespace Contoso.Inventory
        {
            [SsmInventory.InventoryType("Custom:Certificate", "1.0")]
            public sealed class Certificate
            {
                public string Subject { get; set; } = "";

                public {|SSMINV023:Action|} Callback { get; set; } = () => { };
            }
        }
        """,
        """
        using System;

        namespace Contoso.Inventory
        {
            [SsmInventory.InventoryType("Custom:Certificate", "1.0")]
            public sealed class Certificate
            {
                public string Subject { get; set; } = "";

                [SsmInventory.InventoryIgnore]
                public Action Callback { get; set; } = () => { };
            }
        }
        """);

    [Fact]
    public async Task GlobalUsingGivesTheShortName()
    {
        var test = new CodeFixHarness.Test<InventoryPropertyAnalyzer, IgnorePropertyCodeFixProvider>();
        test.TestState.Sources.Add(("GlobalUsings.cs", "global using SsmInventory;\n"));
        test.TestState.Sources.Add(("Certificate.cs", """
            [InventoryType("Custom:Certificate", "1.0")]
            public sealed class Certificate
            {
                public string Subject { get; set; } = "";

                public {|SSMINV023:object|} Print { get; set; } = new();
            }
            """));
        test.FixedState.Sources.Add(("GlobalUsings.cs", "global using SsmInventory;\n"));
        test.FixedState.Sources.Add(("Certificate.cs", """
            [InventoryType("Custom:Certificate", "1.0")]
            public sealed class Certificate
            {
                public string Subject { get; set; } = "";

                [InventoryIgnore]
                public object Print { get; set; } = new();
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public Task SingleLineDeclarationGetsTheAttributeInline() => VerifyAsync(
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate { public string Subject { get; set; } = ""; public {|SSMINV023:object|} Print { get; set; } = new(); }
        """,
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate { public string Subject { get; set; } = ""; [InventoryIgnore] public object Print { get; set; } = new(); }
        """);

    [Fact]
    public Task CrLfLineEndingsAreKept() => VerifyAsync(
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";

            public {|SSMINV023:object|} Print { get; set; } = new();
        }
        """.ReplaceLineEndings("\r\n"),
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";

            [InventoryIgnore]
            public object Print { get; set; } = new();
        }
        """.ReplaceLineEndings("\r\n"));

    [Fact]
    public Task AttributeOnTheSameLineGetsTheNewOneInline() => VerifyAsync(
        """
        using System.ComponentModel;
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";

            [Description("print")] public {|SSMINV023:object|} Print { get; set; } = new();
        }
        """,
        """
        using System.ComponentModel;
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";

            [Description("print")] [InventoryIgnore] public object Print { get; set; } = new();
        }
        """);

    [Fact]
    public Task DocumentationCommentAndOtherAttributesStayInPlace() => VerifyAsync(
        """
        using System.ComponentModel;
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";

            /// <summary>The raw bytes.</summary>
            [Description("raw")]
            public {|SSMINV023:byte[]|} Raw { get; set; } = [];

            /// <summary>The thumbprint.</summary>
            public {|SSMINV023:object|} Print { get; set; } = new();
        }
        """,
        """
        using System.ComponentModel;
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";

            /// <summary>The raw bytes.</summary>
            [Description("raw")]
            [InventoryIgnore]
            public byte[] Raw { get; set; } = [];

            /// <summary>The thumbprint.</summary>
            [InventoryIgnore]
            public object Print { get; set; } = new();
        }
        """);

    [Fact]
    public Task PositionalRecordParameterGetsPropertyTarget() => VerifyAsync(
        """
        using SsmInventory;

        public sealed class Thumbprint
        {
        }

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed record Certificate(string Subject, {|SSMINV023:Thumbprint|} Print)
        {
            public Certificate() : this("", new Thumbprint())
            {
            }
        }
        """,
        """
        using SsmInventory;

        public sealed class Thumbprint
        {
        }

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed record Certificate(string Subject, [property: InventoryIgnore] Thumbprint Print)
        {
            public Certificate() : this("", new Thumbprint())
            {
            }
        }
        """);

    [Fact]
    public Task IgnoringAPositionalRecordParameterKeepsTheRecordReadable() => VerifyAsync(
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed record Certificate(
            string Subject,
            {|SSMINV023:object|} Print);
        """,
        """
        using SsmInventory;

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed record Certificate(
            string Subject,
            [property: InventoryIgnore] object Print);
        """);

    [Fact]
    public Task FixAllIgnoresEveryProperty() => VerifyAsync(
        """
        namespace Contoso.Inventory;

        [SsmInventory.InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";

            public {|SSMINV023:object|} Print { get; set; } = new();

            public {|SSMINV023:System.Action|} Callback { get; set; } = () => { };
        }

        [SsmInventory.InventoryType("Custom:Service", "1.0")]
        public sealed record Service(string Name, {|SSMINV023:object|} Handle)
        {
            public Service() : this("", new object())
            {
            }
        }
        """,
        """
        namespace Contoso.Inventory;

        [SsmInventory.InventoryType("Custom:Certificate", "1.0")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";

            [SsmInventory.InventoryIgnore]
            public object Print { get; set; } = new();

            [SsmInventory.InventoryIgnore]
            public System.Action Callback { get; set; } = () => { };
        }

        [SsmInventory.InventoryType("Custom:Service", "1.0")]
        public sealed record Service(string Name, [property: SsmInventory.InventoryIgnore] object Handle)
        {
            public Service() : this("", new object())
            {
            }
        }
        """);

    [Fact]
    public async Task FixedPropertyCompilesWithoutTheDiagnostic()
    {
        const string source = """
            [SsmInventory.InventoryType("Custom:Certificate", "1.0")]
            public sealed class Certificate
            {
                public string Subject { get; set; } = "";

                public object Print { get; set; } = new();

                public System.IO.Stream? Data { get; set; }
            }
            """;
        string fixedSource = await CodeFixHarness.ApplyAllAndCompileAsync(
            source, DiagnosticIds.UnsupportedPropertyType, new InventoryPropertyAnalyzer(), new IgnorePropertyCodeFixProvider());
        Assert.Equal(2, fixedSource.Split("[SsmInventory.InventoryIgnore]").Length - 1);
    }
}
