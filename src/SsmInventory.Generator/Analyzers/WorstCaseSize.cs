using Microsoft.CodeAnalysis;
using SsmInventory.Generator.Model;
using SsmInventory.Generator.Parsing;

namespace SsmInventory.Generator.Analyzers;

/// <summary>
/// The largest value a property can be written as, where that is bounded: in UTF-8 bytes (what the 4096-byte value
/// limit counts) and as JSON (what the 200 KB item limit counts, every character assumed escaped as <c>\uXXXX</c>
/// where it could be).
/// </summary>
internal readonly struct ValueBound
{
    // A UTF-16 unit encodes to at most 3 UTF-8 bytes, or 6 as a JSON \uXXXX escape.
    public const int MaxUtf8BytesPerChar = 3;
    public const int MaxJsonBytesPerChar = 6;

    private ValueBound(int utf8Bytes, int jsonBytes)
    {
        Utf8Bytes = utf8Bytes;
        JsonBytes = jsonBytes;
    }

    public int Utf8Bytes { get; }

    public int JsonBytes { get; }

    /// <summary>Text of at most <paramref name="chars"/> UTF-16 units.</summary>
    public static ValueBound Chars(long chars) =>
        new((int)Math.Min(int.MaxValue, chars * MaxUtf8BytesPerChar), (int)Math.Min(int.MaxValue, chars * MaxJsonBytesPerChar));

    /// <summary>ASCII text that needs no escaping, such as digits.</summary>
    public static ValueBound Ascii(int length) => new(length, length);

    /// <summary>The bound for a property, or null when its values can be any length.</summary>
    public static ValueBound? For(PropertyAnalysis property)
    {
        switch (property.Kind)
        {
            case ValueKind.String:
                return MaxLength(property.Property) is { } maxLength ? Chars(maxLength) : null;
            case ValueKind.Enum:
                return EnumBound((INamedTypeSymbol)property.ValueType);
            case ValueKind.DateTime or ValueKind.DateTimeOffset or ValueKind.DateOnly or ValueKind.TimeOnly or ValueKind.TimeSpan when property.Format is { } format:
                // Literal text in a custom format is written as it is; specifiers expand to at most a month name.
                return Chars(format.Length * "September".Length);
            case { } kind:
                return FixedAscii(kind) is { } length ? Ascii(length) : null;
            default:
                return null;
        }
    }

    // The longest invariant text of each fixed-size kind.
    private static int? FixedAscii(ValueKind kind) => kind switch
    {
        ValueKind.Char => MaxJsonBytesPerChar,
        ValueKind.Boolean => "false".Length,
        ValueKind.SByte => "-128".Length,
        ValueKind.Byte => "255".Length,
        ValueKind.Int16 => "-32768".Length,
        ValueKind.UInt16 => "65535".Length,
        ValueKind.Int32 => "-2147483648".Length,
        ValueKind.UInt32 => "4294967295".Length,
        ValueKind.Int64 or ValueKind.IntPtr => "-9223372036854775808".Length,
        ValueKind.UInt64 or ValueKind.UIntPtr => "18446744073709551615".Length,
        ValueKind.Int128 => "-170141183460469231731687303715884105728".Length,
        ValueKind.UInt128 => "340282366920938463463374607431768211455".Length,
        ValueKind.Single => "-1.17549435E-38".Length,
        ValueKind.Double => "-2.2250738585072014E-308".Length,
        ValueKind.Decimal => "-7.9228162514264337593543950335".Length,
        ValueKind.DateTime or ValueKind.DateTimeOffset => "2026-11-27T13:45:07Z".Length,
        ValueKind.DateOnly => "2026-11-27".Length,
        ValueKind.TimeOnly => "23:59:59.9999999".Length,
        ValueKind.TimeSpan => "-10675199.02:48:05.4775808".Length,
        ValueKind.Guid => 36,
        ValueKind.Version => "2147483647.2147483647.2147483647.2147483647".Length,
        _ => null,
    };

    private static ValueBound EnumBound(INamedTypeSymbol enumType)
    {
        var names = enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => f.Name).ToList();
        bool isFlags = KnownNames.HasAttribute(enumType, KnownNames.FlagsAttribute);
        long chars = isFlags
            ? names.Sum(n => (long)n.Length + ", ".Length)
            : names.Select(n => (long)n.Length).DefaultIfEmpty(0).Max();

        // An undefined value is written as a number.
        return Chars(Math.Max(chars, "-9223372036854775808".Length));
    }

    /// <summary>The smallest [MaxLength] or [StringLength] maximum on the property, if any.</summary>
    private static int? MaxLength(IPropertySymbol property)
    {
        int? bound = null;
        foreach (AttributeData attribute in property.GetAttributes())
        {
            if ((KnownNames.Is(attribute.AttributeClass, KnownNames.MaxLengthAttribute) || KnownNames.Is(attribute.AttributeClass, KnownNames.StringLengthAttribute))
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is int length
                && length >= 0)
            {
                bound = Math.Min(bound ?? int.MaxValue, length);
            }
        }

        return bound;
    }
}
