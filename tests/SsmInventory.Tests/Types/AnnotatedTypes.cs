using System.Diagnostics.CodeAnalysis;
using SsmInventory;

// Real annotated types covering every supported shape and value; the generator runs over this file at build time.
namespace SsmInventory.Tests.Types
{
    [InventoryType("Custom:Certificate", "1.0")]
    public sealed record Certificate(string Subject, string Thumbprint, DateTime NotAfter, int KeySize)
    {
        public string? FriendlyName { get; init; }
    }

    [Flags]
    public enum Permissions
    {
        None = 0,
        Read = 1,
        Write = 2,
        Execute = 4,
        ReadWrite = Read | Write,
    }

    public enum Tier : byte
    {
        Bronze = 1,
        Silver = 2,
        Gold = 3,
        Default = Silver,
    }

    public enum Balance : long
    {
        Negative = -5,
        Zero = 0,
    }

    [InventoryType("Custom:AllValues", "2.1")]
    public sealed class AllValues
    {
        public string? Text { get; set; }
        public char Letter { get; set; }
        public bool Flag { get; set; }
        public sbyte SByteValue { get; set; }
        public byte ByteValue { get; set; }
        public short Int16Value { get; set; }
        public ushort UInt16Value { get; set; }
        public int Int32Value { get; set; }
        public uint UInt32Value { get; set; }
        public long Int64Value { get; set; }
        public ulong UInt64Value { get; set; }
        public nint NativeInt { get; set; }
        public nuint NativeUInt { get; set; }
#if !NETSTANDARD_BUILD // DateOnly, TimeOnly and Int128 are .NET 6+ types, which the netstandard2.0 build cannot convert.
        public Int128 Int128Value { get; set; }
        public UInt128 UInt128Value { get; set; }
#endif
        public float SingleValue { get; set; }
        public double DoubleValue { get; set; }
        public decimal DecimalValue { get; set; }
        public DateTime When { get; set; }
        public DateTimeOffset WhenOffset { get; set; }
#if !NETSTANDARD_BUILD // DateOnly, TimeOnly and Int128 are .NET 6+ types, which the netstandard2.0 build cannot convert.
        public DateOnly Day { get; set; }
        public TimeOnly TimeOfDay { get; set; }
#endif
        public TimeSpan Duration { get; set; }
        public Guid Id { get; set; }
        public Uri? Link { get; set; }
        public Version? AppVersion { get; set; }
        public Permissions Access { get; set; }
        public Tier Level { get; set; }
        public Balance Sign { get; set; }
    }

    [InventoryType("Custom:Nullables", "1.0")]
    public sealed class Nullables
    {
        public string? Text { get; set; }
        public char? Letter { get; set; }
        public bool? Flag { get; set; }
        public int? Count { get; set; }
        public ulong? Big { get; set; }
        public double? Ratio { get; set; }
        public decimal? Price { get; set; }
        public DateTime? When { get; set; }
        public DateTimeOffset? WhenOffset { get; set; }
#if !NETSTANDARD_BUILD // DateOnly, TimeOnly and Int128 are .NET 6+ types, which the netstandard2.0 build cannot convert.
        public DateOnly? Day { get; set; }
        public TimeOnly? TimeOfDay { get; set; }
#endif
        public TimeSpan? Duration { get; set; }
        public Guid? Id { get; set; }
        public Uri? Link { get; set; }
        public Version? AppVersion { get; set; }
        public Permissions? Access { get; set; }
        public Tier? Level { get; set; }
    }

    [InventoryType("Custom:Formatted", "1.0")]
    public sealed class Formatted
    {
        [InventoryFormat("O")]
        public DateTime Precise { get; set; }

        [InventoryFormat("O")]
        public DateTimeOffset PreciseOffset { get; set; }

#if !NETSTANDARD_BUILD // DateOnly, TimeOnly and Int128 are .NET 6+ types, which the netstandard2.0 build cannot convert.
        [InventoryFormat("yyyyMMdd")]
        public DateOnly CompactDay { get; set; }

        [InventoryFormat("HH:mm")]
        public TimeOnly Minutes { get; set; }
#endif

        [InventoryFormat("g")]
        public TimeSpan General { get; set; }

        [InventoryFormat("O")]
        public DateTime? MaybePrecise { get; set; }
    }

    [InventoryType("Custom:Renamed", "1.0")]
    public sealed class Renamed
    {
        [InventoryName("Display Name")]
        public string Name { get; set; } = "";

        [InventoryName("quote\" back\\slash\nnew line é 😀")]
        public string Odd { get; set; } = "";

        [InventoryIgnore]
        public object? NotSerialized { get; set; }

        public int Computed => Name.Length;
    }

    public readonly record struct Money(decimal Amount, string Currency);

    public sealed class MoneyConverter : InventoryConverter<Money>
    {
        public override string? Write(Money value) => value.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + value.Currency;

        public override Money Read(string value)
        {
            int space = value.IndexOf(' ');
            if (space < 0)
            {
                throw new FormatException("expected '<amount> <currency>'");
            }

            return new Money(decimal.Parse(value.AsSpan(0, space), System.Globalization.CultureInfo.InvariantCulture), value.Substring(space + 1));
        }
    }

    public sealed class HostConverter : InventoryConverter<System.Net.IPAddress>
    {
        public override string? Write(System.Net.IPAddress value) => value.ToString();

        public override System.Net.IPAddress Read(string value) => System.Net.IPAddress.Parse(value);
    }

    [InventoryType("Custom:Invoice", "1.0")]
    public sealed class Invoice
    {
        [InventoryConverter(typeof(MoneyConverter))]
        public Money Total { get; set; }

        [InventoryConverter(typeof(MoneyConverter))]
        public Money? Discount { get; set; }

        [InventoryConverter(typeof(HostConverter))]
        public required System.Net.IPAddress Server { get; init; }

        [InventoryConverter(typeof(HostConverter))]
        public System.Net.IPAddress? Backup { get; set; }
    }

    [InventoryType("Custom:Session", "1.0")]
    public sealed record Session(string User, [property: InventoryIgnore] object? Token, int Port);

    [InventoryType("Custom:Point", "1.0")]
    public struct Point
    {
        public int X { get; set; }
        public int Y { get; set; }
    }

    [InventoryType("Custom:Rack", "1.0")]
    public readonly record struct RackLocation(string Region, string Rack, int Slot);

    public abstract class MachineBase
    {
        public string Hostname { get; set; } = "";
        public virtual string Role { get; set; } = "";
    }

    [InventoryType("Custom:Machine", "1.0")]
    public sealed class Machine : MachineBase
    {
        public override string Role { get; set; } = "web";
        public required string Owner { get; init; }
        public int Cores { get; init; }
    }

    public static class Outer
    {
        [InventoryType("Custom:Nested", "1.0")]
        public sealed class Nested
        {
            public string? Value { get; set; }
        }
    }

    [InventoryType("Custom:Chosen", "1.0")]
    public sealed class Chosen
    {
        public Chosen(string name) => Name = name;

        [InventoryConstructor]
        public Chosen(string name, int size)
        {
            Name = name;
            Size = size;
        }

        public string Name { get; }
        public int Size { get; }
    }

    [InventoryType("Custom:Required", "1.0")]
    public sealed class RequiredMembers
    {
        [SetsRequiredMembers]
        public RequiredMembers(string key) => Key = key;

        public RequiredMembers()
        {
        }

        public required string Key { get; init; }
    }

    // Deliberately not readable, to test the error reading gives; the analyzer's warning is expected here.
#pragma warning disable SSMINV011
    [InventoryType("Custom:Unreadable", "1.0")]
    public sealed class Unreadable
#pragma warning restore SSMINV011
    {
        public Unreadable(int a) => A = a;

        public Unreadable(int a, int b)
        {
            A = a;
            B = b;
        }

        public int A { get; }
        public int B { get; }
    }

    [InventoryType("Custom:Keywords", "1.0")]
    public sealed class @class
    {
        public string? @event { get; set; }
        public int @int { get; set; }
    }

    [InventoryType("Custom:Unïcödé", "1.0")]
    public sealed class Ünïcödé
    {
        public string? Größe { get; set; }
    }

    [InventoryType("Custom:Internal", "1.0")]
    internal sealed class InternalType
    {
        public string? Value { get; set; }
    }
}

[InventoryType("Custom:Global", "1.0")]
public sealed class GlobalNamespaceType
{
    public string? Value { get; set; }
}
