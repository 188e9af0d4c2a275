using System.Text;
using static SsmInventory.Analyzers.Tests.Snippets;
using VerifyCS = SsmInventory.Analyzers.Tests.Verify<SsmInventory.Generator.Analyzers.InventoryTypeNameUniquenessAnalyzer>;

namespace SsmInventory.Analyzers.Tests;

/// <summary>SSMINV007 and 008: the inventory types of a compilation together.</summary>
public sealed class TypeNameUniquenessAnalyzerTests
{
    [Fact]
    public async Task SSMINV007_SameTypeNameOnTwoTypes()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType({|SSMINV007:"Custom:Certificate"|}, "1.0")]
            public sealed class Certificate { public string? Subject { get; set; } }

            namespace Other
            {
                [InventoryType({|SSMINV007:"Custom:Certificate"|}, "2.0")]
                public sealed class Certificate { public string? Subject { get; set; } }
            }
            """);
    }

    [Fact]
    public async Task SSMINV007_AcrossFiles()
    {
        await VerifyCS.AnalyzeAsync(
            Usings + """
                [InventoryType({|SSMINV007:"Custom:Disk"|}, "1.0")]
                public sealed class Disk { public int Size { get; set; } }
                """,
            Usings + """
                [InventoryType({|SSMINV007:"Custom:" + "Disk"|}, "1.0")]
                public sealed class Volume { public int Size { get; set; } }

                [InventoryType({|SSMINV007:"Custom:Disk"|}, "1.0")]
                public struct Partition { public int Size { get; set; } }
                """);
    }

    [Fact]
    public async Task SSMINV007_NamesThatDiffer_ReportNothing()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType("Custom:Disk", "1.0")] public sealed class Disk { public int Size { get; set; } }
            [InventoryType("Custom:Disks", "1.0")] public sealed class Disks { public int Size { get; set; } }
            [InventoryType(null, "1.0")] public sealed class NoName1 { public int Size { get; set; } }
            [InventoryType(null, "1.0")] public sealed class NoName2 { public int Size { get; set; } }
            public partial class Partial { public int Size { get; set; } }
            [InventoryType("Custom:Partial", "1.0")] public partial class Partial { }
            """);
    }

    [Fact]
    public async Task SSMINV008_MoreThan20CustomTypes()
    {
        await VerifyCS.AnalyzeAsync(ManyTypes(21, markLast: "SSMINV008"));
    }

    [Fact]
    public async Task SSMINV008_Exactly20_ReportsNothing()
    {
        await VerifyCS.AnalyzeAsync(ManyTypes(20, markLast: null));
    }

    [Fact]
    public async Task SSMINV008_DuplicatesAndNonCustomNamesDoNotCount()
    {
        // 20 distinct custom names, one used twice and one AWS name (reported by another analyzer).
        string source = ManyTypes(20, markLast: null)
            .Replace("[InventoryType(\"Custom:T0\"", "[InventoryType({|SSMINV007:\"Custom:T0\"|}")
            + """

            [InventoryType({|SSMINV007:"Custom:T0"|}, "1.0")] public sealed class Again { public int Size { get; set; } }
            [InventoryType("AWS:Application", "1.0")] public sealed class Aws { public int Size { get; set; } }
            """;
        await VerifyCS.AnalyzeAsync(source);
    }

    private static string ManyTypes(int count, string? markLast)
    {
        var source = new StringBuilder(Usings);
        for (int i = 0; i < count; i++)
        {
            string name = $"\"Custom:T{i}\"";
            if (i == count - 1 && markLast is not null)
            {
                name = $"{{|{markLast}:{name}|}}";
            }

            source.AppendLine($"[InventoryType({name}, \"1.0\")] public sealed class T{i} {{ public int Size {{ get; set; }} }}");
        }

        return source.ToString();
    }
}
