namespace SsmInventory.Generator.Tests;

/// <summary>A representative set of annotated types whose emitted code is pinned by golden files.</summary>
internal static class GoldenCases
{
    public static readonly IReadOnlyDictionary<string, string> All = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["PositionalRecord"] = """
            using System;
            using SsmInventory;

            namespace Contoso.Inventory;

            [InventoryType("Custom:Certificate", "1.0")]
            public sealed record Certificate(string Subject, string Thumbprint, DateTime NotAfter, int KeySize)
            {
                public string? FriendlyName { get; init; }
            }
            """,
        ["ClassWithValueKinds"] = """
            using System;
            using SsmInventory;

            namespace Contoso.Inventory;

            [InventoryType("Custom:Application", "2.3")]
            public class Application
            {
                public string Name { get; set; } = "";
                public Version? AppVersion { get; set; }
                public bool Enabled { get; set; }
                public long SizeBytes { get; set; }
                public double Score { get; set; }
                public decimal? Cost { get; set; }
                public Guid Id { get; set; }
                public DateTimeOffset? InstalledAt { get; set; }
                public TimeSpan Uptime { get; set; }
                public Uri? Homepage { get; set; }
                public char Grade { get; set; }
            }
            """,
        ["EnumsAndFlags"] = """
            using System;
            using SsmInventory;

            namespace Contoso.Inventory;

            [Flags]
            public enum Ports : ushort { None = 0, Http = 1, Https = 2, Ssh = 4, Web = Http | Https }

            public enum Stage : sbyte { Dev = -1, Test, Prod, Production = Prod }

            [InventoryType("Custom:Service", "1.0")]
            public struct Service
            {
                public Stage Stage { get; set; }
                public Stage? PreviousStage { get; set; }
                public Ports Open { get; set; }
            }
            """,
        ["ConvertersFormatsAndRenames"] = """
            using System;
            using SsmInventory;

            namespace Contoso.Inventory
            {
                public sealed class Rack
                {
                    public Rack(string id) => Id = id;
                    public string Id { get; }
                }

                public sealed class RackConverter : InventoryConverter<Rack>
                {
                    public override string? Write(Rack value) => value.Id;
                    public override Rack Read(string value) => new(value);
                }

                public static class Datacenter
                {
                    [InventoryType("Custom:RackLocation", "1.0")]
                    internal sealed class Location
                    {
                        [InventoryName("Rack Id")]
                        [InventoryConverter(typeof(RackConverter), DataType = InventoryDataType.Number)]
                        public required Rack Rack { get; init; }

                        [InventoryFormat("O")]
                        public DateTime InstalledTime { get; set; }

                        [InventoryFormat("yyyyMMdd")]
                        public DateOnly? Audited { get; set; }

                        [InventoryIgnore]
                        public object? Scratch { get; set; }

                        public int Units => 2;
                    }
                }
            }
            """,
        ["EscapedNamesAndGlobalNamespace"] = """
            using SsmInventory;

            [InventoryType("Custom:Quote\"Back\\slash\r\nLine*/ \u00e9 \U0001F600 \u2028", "1.0")]
            public sealed class @class
            {
                [InventoryName("a\"b\\c\nd */ /* // \u0000 \uD800")]
                public string? @event { get; set; }

                public int Größe { get; set; }
            }
            """,
        ["NotReadable"] = """
            using SsmInventory;

            namespace Contoso.Inventory;

            [InventoryType("Custom:Pair", "1.0")]
            public sealed class Pair
            {
                public Pair(int left) => Left = left;
                public Pair(int left, int right) { Left = left; Right = right; }
                public int Left { get; }
                public int Right { get; }
            }
            """,
    };
}
