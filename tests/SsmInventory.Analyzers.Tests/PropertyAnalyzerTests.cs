using System.Text;
using static SsmInventory.Analyzers.Tests.Snippets;
using VerifyCS = SsmInventory.Analyzers.Tests.Verify<SsmInventory.Generator.Analyzers.InventoryPropertyAnalyzer>;

namespace SsmInventory.Analyzers.Tests;

/// <summary>SSMINV011, 013 and 020-028: the properties that become SSM attributes.</summary>
public sealed class PropertyAnalyzerTests
{
    private const string Converters = """
        public sealed class GuidConverter : InventoryConverter<Guid>
        {
            public override string? Write(Guid value) => value.ToString("N");
            public override Guid Read(string value) => Guid.ParseExact(value, "N");
        }

        public sealed class DateConverter : InventoryConverter<DateTime>
        {
            public override string? Write(DateTime value) => value.ToString("O");
            public override DateTime Read(string value) => DateTime.Parse(value);
        }

        """;

    private static string Properties(string members, string typeModifiers = "public sealed class", string name = "Item") => Usings + Converters + $$"""
        [InventoryType("Custom:Item", "1.0")]
        {{typeModifiers}} {{name}}
        {
        {{members}}
        }
        """;

    // SSMINV011

    [Fact]
    public async Task SSMINV011_SeveralConstructors()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType("Custom:Item", "1.0")]
            public sealed class {|SSMINV011:Item|}
            {
                public Item(int size) => Size = size;
                public Item(string name) => Name = name;
                public int Size { get; }
                public string? Name { get; }
            }
            """);
    }

    [Fact]
    public async Task SSMINV011_Abstract()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType("Custom:Item", "1.0")]
            public abstract class {|SSMINV011:Item|} { public int Size { get; set; } }
            """);
    }

    [Fact]
    public async Task SSMINV011_NoPublicConstructor()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType("Custom:Item", "1.0")]
            public sealed class {|SSMINV011:Item|} { private Item() { } public int Size { get; set; } }
            """);
    }

    [Fact]
    public async Task SSMINV011_ParameterMatchesNoProperty()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType("Custom:Item", "1.0")]
            public sealed class {|SSMINV011:Item|} { public Item(int length) => Size = length; public int Size { get; } }

            [InventoryType("Custom:Typed", "1.0")]
            public sealed class {|SSMINV011:Typed|} { public Typed(long size) => Size = (int)size; public int Size { get; } }
            """);
    }

    [Fact]
    public async Task SSMINV011_ReadableTypes_ReportNothing()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType("Custom:A", "1.0")] public sealed record A(string Name, int Size);
            [InventoryType("Custom:Ignored", "1.0")] public sealed record Ignored([property: InventoryIgnore] int Size, string Name);
            [InventoryType("Custom:B", "1.0")] public sealed class B { public int Size { get; set; } }
            [InventoryType("Custom:C", "1.0")]
            public sealed class C
            {
                [InventoryConstructor] public C(int size) => Size = size;
                public C(string text) => Size = text.Length;
                public int Size { get; }
            }
            [InventoryType("Custom:D", "1.0")] public readonly record struct D(int Size);
            [InventoryType("Custom:E", "1.0")] public sealed class E { public E(int SIZE) => Size = SIZE; public int Size { get; } }
            [InventoryType("Custom:F", "1.0")] public record F(int Size);
            """);
    }

    // SSMINV013

    [Fact]
    public async Task SSMINV013_NullPropertyAttributeArguments()
    {
        await VerifyCS.AnalyzeAsync(Properties("""
                [InventoryName({|SSMINV013:null|})] public int A { get; set; }
                [InventoryFormat({|SSMINV013:null|})] public DateTime B { get; set; }
                [InventoryConverter({|SSMINV013:null|})] public Guid C { get; set; }
                [InventoryName(name: {|SSMINV013:default|})] public int D { get; set; }
            """));
    }

    [Fact]
    public async Task SSMINV013_IsReportedOnTheAttributeThatIsWrong()
    {
        // A valid [InventoryName] before the broken [InventoryConverter] must not take the blame.
        await VerifyCS.AnalyzeAsync(Properties("""
                [InventoryName("Id")] [InventoryConverter({|SSMINV013:null|})] public Guid C { get; set; }
            """));
    }

    [Fact]
    public async Task SSMINV013_ValidArguments_ReportNothing()
    {
        await VerifyCS.AnalyzeAsync(Properties("""
                [InventoryName("A" + "1")] public int A { get; set; }
                [InventoryFormat("O")] public DateTime B { get; set; }
                [InventoryConverter(typeof(GuidConverter))] public Guid C { get; set; }
            """));
    }

    // SSMINV020

    [Fact]
    public async Task SSMINV020_MoreThan50AfterRenamesIgnoresAndInheritance()
    {
        var source = new StringBuilder(Usings);
        source.AppendLine("public class Base {");
        for (int i = 0; i < 30; i++)
        {
            source.AppendLine($"    public int B{i} {{ get; set; }}");
        }

        source.AppendLine("    [InventoryIgnore] public int BaseIgnored { get; set; }");
        source.AppendLine("}");
        source.AppendLine("[InventoryType(\"Custom:Wide\", \"1.0\")]");
        source.AppendLine("public sealed class Wide : Base {");
        source.AppendLine("    [InventoryIgnore] public int Ignored { get; set; }");
        source.AppendLine("    [InventoryName(\"Renamed\")] public int R { get; set; }");
        for (int i = 0; i < 19; i++)
        {
            source.AppendLine($"    public int D{i} {{ get; set; }}");
        }

        // Attribute 51 and 52, reported where their names are written.
        source.AppendLine("    [InventoryName({|SSMINV020:\"FiftyFirst\"|})] public int D19 { get; set; }");
        source.AppendLine("    public int {|SSMINV020:D20|} { get; set; }");
        source.AppendLine("}");
        await VerifyCS.AnalyzeAsync(source.ToString());
    }

    [Fact]
    public async Task SSMINV020_Exactly50_ReportsNothing()
    {
        var source = new StringBuilder(Usings);
        source.AppendLine("public class Base {");
        for (int i = 0; i < 30; i++)
        {
            source.AppendLine($"    public int B{i} {{ get; set; }}");
        }

        source.AppendLine("}");
        source.AppendLine("[InventoryType(\"Custom:Wide\", \"1.0\")]");
        source.AppendLine("public sealed class Wide : Base {");
        for (int i = 0; i < 20; i++)
        {
            source.AppendLine($"    public int D{i} {{ get; set; }}");
        }

        // Neither ignored, static, set-only, nor non-public properties count.
        source.AppendLine("""
                [InventoryIgnore] public int Ignored { get; set; }
                public static int Static { get; set; }
                public int SetOnly { set { } }
                internal int Internal { get; set; }
                public int PrivateGetter { private get; set; }
                public int this[int index] => index;
            }
            """);
        await VerifyCS.AnalyzeAsync(source.ToString());
    }

    // SSMINV021

    [Fact]
    public async Task SSMINV021_EmptyName()
    {
        await VerifyCS.AnalyzeAsync(Properties("""    [InventoryName({|SSMINV021:""|})] public int A { get; set; }"""));
    }

    [Fact]
    public async Task SSMINV021_NameOver64Utf8Bytes()
    {
        // 33 two-byte characters: 66 bytes in 33 characters.
        await VerifyCS.AnalyzeAsync(Properties($$"""    [InventoryName({|SSMINV021:"{{new string('é', 33)}}"|})] public int A { get; set; }"""));

        // A property name used as is: 65 ASCII characters.
        await VerifyCS.AnalyzeAsync(Properties($$"""    public int {|SSMINV021:{{new string('P', 65)}}|} { get; set; }"""));
    }

    [Fact]
    public async Task SSMINV021_ValidNames_ReportNothing()
    {
        await VerifyCS.AnalyzeAsync(Properties($$"""
                [InventoryName("{{new string('é', 32)}}")] public int A { get; set; }
                public int {{new string('P', 64)}} { get; set; }
                [InventoryName("x")] public int C { get; set; }
                [InventoryName("with space/and:colon")] public int D { get; set; }
                [InventoryName("back\bspace and form\ffeed")] public int E { get; set; }
            """));
    }

    // SSMINV022

    [Fact]
    public async Task SSMINV022_NamesEqualIgnoringCase()
    {
        await VerifyCS.AnalyzeAsync(Properties("""
                public string? Name { get; set; }
                public string? {|SSMINV022:NAME|} { get; set; }
                [InventoryName({|SSMINV022:"name"|})] public string? Other { get; set; }
            """));
    }

    [Fact]
    public async Task SSMINV022_RenameCollidesWithABaseClassProperty()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            public class Base { public int Id { get; set; } }

            [InventoryType("Custom:Item", "1.0")]
            public sealed class Item : Base { [InventoryName({|SSMINV022:"ID"|})] public int Key { get; set; } }
            """);
    }

    [Fact]
    public async Task SSMINV022_IgnoredOrRenamedAway_ReportsNothing()
    {
        await VerifyCS.AnalyzeAsync(Properties("""
                public string? Name { get; set; }
                [InventoryIgnore] public string? NAME { get; set; }
                [InventoryName("Name2")] public string? name { get; set; }
            """));
    }

    // SSMINV023

    [Theory]
    [InlineData("object")]
    [InlineData("string[]")]
    [InlineData("int[]")]
    [InlineData("List<int>")]
    [InlineData("Dictionary<string, string>")]
    [InlineData("Custom")]
    [InlineData("Custom?")]
    [InlineData("int?[]")]
    [InlineData("(int, int)?")]
    [InlineData("IntPtr[]")]
    [InlineData("Guid[]")]
    [InlineData("dynamic")]
    [InlineData("(int, int)")]
    [InlineData("Action")]
    [InlineData("System.Text.StringBuilder")]
    public async Task SSMINV023_UnsupportedType(string type)
    {
        await VerifyCS.AnalyzeAsync(Usings + $$"""
            public sealed class Custom { }

            [InventoryType("Custom:Item", "1.0")]
            public sealed class Item { public {|SSMINV023:{{type}}|} Value { get; set; } }
            """);
    }

    [Fact]
    public async Task SSMINV023_PositionalRecordParameter()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType("Custom:Item", "1.0")]
            public sealed record Item(string Name, {|SSMINV023:object|} Payload);
            """);
    }

    [Fact]
    public async Task SSMINV023_WithAConverterOrIgnored_ReportsNothing()
    {
        await VerifyCS.AnalyzeAsync(Properties("""
                [InventoryIgnore] public object? Payload { get; set; }
                [InventoryIgnore] public Item? Parent { get; set; }
                [InventoryConverter(typeof(GuidConverter))] public Guid Id { get; set; }
            """));
    }

    [Fact]
    public async Task SSMINV023_EveryBuiltInType_ReportsNothing()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            public enum Color { Red, Green }
            [Flags] public enum Access : byte { None = 0, Read = 1, Write = 2 }

            [InventoryType("Custom:Everything", "1.0")]
            public sealed class Everything
            {
                public string? String { get; set; }
                public char Char { get; set; }
                public bool Boolean { get; set; }
                public sbyte SByte { get; set; }
                public byte Byte { get; set; }
                public short Int16 { get; set; }
                public ushort UInt16 { get; set; }
                public int Int32 { get; set; }
                public uint UInt32 { get; set; }
                public long Int64 { get; set; }
                public ulong UInt64 { get; set; }
                public nint IntPtr { get; set; }
                public nuint UIntPtr { get; set; }
                public Int128 Int128 { get; set; }
                public UInt128 UInt128 { get; set; }
                public float Single { get; set; }
                public double Double { get; set; }
                public decimal Decimal { get; set; }
                public DateTime DateTime { get; set; }
                public DateTimeOffset DateTimeOffset { get; set; }
                public DateOnly DateOnly { get; set; }
                public TimeOnly TimeOnly { get; set; }
                public TimeSpan TimeSpan { get; set; }
                public Guid Guid { get; set; }
                public Uri? Uri { get; set; }
                public Version? Version { get; set; }
                public Color Color { get; set; }
                public Access Access { get; set; }
                public int? NullableInt32 { get; set; }
                public Guid? NullableGuid { get; set; }
                public Color? NullableColor { get; set; }
                public DateTime? NullableDateTime { get; set; }
            }
            """);
    }

    // SSMINV024

    [Fact]
    public async Task SSMINV024_InvalidConverters()
    {
        await VerifyCS.AnalyzeAsync(Properties("""
                [InventoryConverter({|SSMINV024:typeof(DateConverter)|})] public Guid WrongT { get; set; }
                [InventoryConverter({|SSMINV024:typeof(AbstractConverter)|})] public Guid Abstract { get; set; }
                [InventoryConverter({|SSMINV024:typeof(NoDefaultConstructor)|})] public Guid NoCtor { get; set; }
                [InventoryConverter({|SSMINV024:typeof(PrivateConstructor)|})] public Guid PrivateCtor { get; set; }
                [InventoryConverter({|SSMINV024:typeof(NotAConverter)|})] public Guid NotDeriving { get; set; }
                [InventoryConverter({|SSMINV024:typeof(int)|})] public Guid Int { get; set; }
                [InventoryConverter({|SSMINV024:typeof(GenericConverter<Guid>)|})] public Guid Generic { get; set; }
                [InventoryConverter({|SSMINV024:typeof(StructConverter)|})] public Guid Struct { get; set; }
                [InventoryConverter({|SSMINV024:typeof(Hidden)|})] public Guid Private { get; set; }
                [InventoryConverter({|SSMINV024:typeof(GuidConverter)|})] public string? StringWithGuidConverter { get; set; }

                private sealed class Hidden : InventoryConverter<Guid>
                {
                    public override string? Write(Guid value) => null;
                    public override Guid Read(string value) => default;
                }
            }

            public abstract class AbstractConverter : InventoryConverter<Guid> { }

            public sealed class NoDefaultConstructor : InventoryConverter<Guid>
            {
                public NoDefaultConstructor(int seed) { }
                public override string? Write(Guid value) => null;
                public override Guid Read(string value) => default;
            }

            public sealed class PrivateConstructor : InventoryConverter<Guid>
            {
                private PrivateConstructor() { }
                public override string? Write(Guid value) => null;
                public override Guid Read(string value) => default;
            }

            public sealed class NotAConverter { }

            public struct StructConverter { }

            public sealed class GenericConverter<T> : InventoryConverter<Guid>
            {
                public override string? Write(Guid value) => null;
                public override Guid Read(string value) => default;
            """));
    }

    [Fact]
    public async Task SSMINV024_ValidConverters_ReportNothing()
    {
        await VerifyCS.AnalyzeAsync(Properties("""
                [InventoryConverter(typeof(GuidConverter))] public Guid Id { get; set; }
                [InventoryConverter(typeof(GuidConverter))] public Guid? MaybeId { get; set; }
                [InventoryConverter(typeof(Derived))] public Guid Inherited { get; set; }
                [InventoryConverter(typeof(InternalConstructor))] public Guid Internal { get; set; }
                [InventoryConverter(typeof(Nested), DataType = InventoryDataType.Number)] public Guid NestedPublic { get; set; }
                [InventoryConverter(typeof(Tags))] public List<string>? List { get; set; }

                public sealed class Nested : InventoryConverter<Guid>
                {
                    public override string? Write(Guid value) => null;
                    public override Guid Read(string value) => default;
                }
            }

            public class Middle : InventoryConverter<Guid>
            {
                public override string? Write(Guid value) => null;
                public override Guid Read(string value) => default;
            }

            public sealed class Derived : Middle { }

            internal sealed class InternalConstructor : InventoryConverter<Guid>
            {
                internal InternalConstructor() { }
                public override string? Write(Guid value) => null;
                public override Guid Read(string value) => default;
            }

            public sealed class Tags : InventoryConverter<List<string>>
            {
                public override string? Write(List<string> value) => string.Join(",", value);
                public override List<string> Read(string value) => new(value.Split(','));
            """, typeModifiers: "internal sealed class"));
    }

    // SSMINV025, 026, 027

    [Fact]
    public async Task SSMINV025_FormatOnATypeWithoutFormats()
    {
        await VerifyCS.AnalyzeAsync(Properties("""
                [{|SSMINV025:InventoryFormat("D")|}] public int Number { get; set; }
                [{|SSMINV025:InventoryFormat("N")|}] public Guid Id { get; set; }
                [{|SSMINV025:InventoryFormat("x")|}] public string? Text { get; set; }
            """));
    }

    [Fact]
    public async Task SSMINV025_FormatOnDatesAndTimes_ReportsNothing()
    {
        await VerifyCS.AnalyzeAsync(Properties("""
                [InventoryFormat("O")] public DateTime A { get; set; }
                [InventoryFormat("O")] public DateTimeOffset? B { get; set; }
                [InventoryFormat("yyyy-MM-dd")] public DateOnly C { get; set; }
                [InventoryFormat("HH:mm")] public TimeOnly D { get; set; }
                [InventoryFormat("c")] public TimeSpan E { get; set; }
            """));
    }

    [Fact]
    public async Task SSMINV026_FormatAndConverter()
    {
        await VerifyCS.AnalyzeAsync(Properties("""
                [{|SSMINV026:InventoryFormat("O")|}] [InventoryConverter(typeof(DateConverter))] public DateTime Date { get; set; }
            """));
    }

    [Fact]
    public async Task SSMINV026_ConverterAlone_ReportsNothing()
    {
        await VerifyCS.AnalyzeAsync(Properties("""
                [InventoryConverter(typeof(DateConverter))] public DateTime Date { get; set; }
            """));
    }

    [Fact]
    public async Task SSMINV027_IgnoredWithOtherAttributes()
    {
        await VerifyCS.AnalyzeAsync(Properties("""
                [InventoryIgnore] [{|SSMINV027:InventoryName("X")|}] public int A { get; set; }
                [InventoryIgnore] [{|SSMINV027:InventoryFormat("O")|}] public DateTime B { get; set; }
                [InventoryIgnore] [{|SSMINV027:InventoryConverter(typeof(GuidConverter))|}] public Guid C { get; set; }
                [{|SSMINV027:InventoryName("Y")|}, {|SSMINV027:InventoryFormat("O")|}, InventoryIgnore] public DateTime D { get; set; }
            """));
    }

    [Fact]
    public async Task SSMINV027_IgnoredAlone_ReportsNothing()
    {
        await VerifyCS.AnalyzeAsync(Properties("""
                [InventoryIgnore] public object? A { get; set; }
                [InventoryName("X")] public int B { get; set; }
            """));
    }

    // SSMINV028

    [Theory]
    [InlineData("DateTime", "H")] // One letter is a standard format, and H is not one.
    [InlineData("DateTime", "yyyy-MM-dd'T")] // Unterminated quote.
    [InlineData("DateTime", "yyyy\\\\")] // Trailing escape.
    [InlineData("DateTimeOffset", "Q")]
    [InlineData("TimeSpan", "hh:mm:ss")] // TimeSpan formats need ':' escaped.
    [InlineData("TimeSpan", "yyyy")]
    [InlineData("DateOnly", "yyyy-MM-dd HH")] // A time part in a date: DateOnly.ToString throws.
    [InlineData("DateOnly", "yyyy-MM-dd zzz")]
    [InlineData("DateOnly", "t")]
    [InlineData("DateOnly", "s")]
    [InlineData("TimeOnly", "HH:mm dd")] // A date part in a time.
    [InlineData("TimeOnly", "HH/mm")]
    [InlineData("TimeOnly", "d")]
    [InlineData("DateTime?", "H")]
    public async Task SSMINV028_FormatCannotRoundTrip(string type, string format)
    {
        await VerifyCS.AnalyzeAsync(Properties($$"""
                [InventoryFormat({|SSMINV028:"{{format}}"|})] public {{type}} Value { get; set; }
            """));
    }

    [Theory]
    [InlineData("DateTime", "O")]
    [InlineData("DateTime", "yyyy-MM-dd'T'HH:mm:ss.fffffffK")]
    [InlineData("DateTime", "s")]
    [InlineData("DateTimeOffset", "yyyy-MM-ddTHH:mm:sszzz")]
    [InlineData("TimeSpan", "c")]
    [InlineData("TimeSpan", "g")]
    [InlineData("TimeSpan", "hh\\\\:mm\\\\:ss")]
    [InlineData("DateOnly", "yyyy-MM-dd")]
    [InlineData("DateOnly", "O")]
    [InlineData("DateOnly", "yyyy 'HH' \\\\m")] // Quoted and escaped time letters are literal text.
    [InlineData("TimeOnly", "HH:mm:ss")]
    [InlineData("TimeOnly", "HH 'dd'")]
    [InlineData("TimeOnly", "T")]
    public async Task SSMINV028_RoundTrippingFormats_ReportNothing(string type, string format)
    {
        await VerifyCS.AnalyzeAsync(Properties($$"""
                [InventoryFormat("{{format}}")] public {{type}} Value { get; set; }
            """));
    }
}
