using Microsoft.CodeAnalysis;

namespace SsmInventory.Generator;

/// <summary>
/// Metadata names of the runtime library's attributes and types, and of the framework attributes the generator and
/// analyzers read, as they look them up.
/// </summary>
internal static class KnownNames
{
    public const string InventoryTypeAttribute = "SsmInventory.InventoryTypeAttribute";
    public const string InventoryNameAttribute = "SsmInventory.InventoryNameAttribute";
    public const string InventoryIgnoreAttribute = "SsmInventory.InventoryIgnoreAttribute";
    public const string InventoryFormatAttribute = "SsmInventory.InventoryFormatAttribute";
    public const string InventoryConverterAttribute = "SsmInventory.InventoryConverterAttribute";
    public const string InventoryConstructorAttribute = "SsmInventory.InventoryConstructorAttribute";
    public const string InventoryConverter = "SsmInventory.InventoryConverter`1";
    public const string FlagsAttribute = "System.FlagsAttribute";
    public const string SetsRequiredMembersAttribute = "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute";
    public const string MaxLengthAttribute = "System.ComponentModel.DataAnnotations.MaxLengthAttribute";
    public const string StringLengthAttribute = "System.ComponentModel.DataAnnotations.StringLengthAttribute";

    /// <summary>True when one of the symbol's attributes is of the type <paramref name="metadataName"/> names (see <see cref="Is"/>).</summary>
    public static bool HasAttribute(ISymbol symbol, string metadataName)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (Is(attribute.AttributeClass, metadataName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="type"/> is the non-generic, non-nested type that <paramref name="metadataName"/> names,
    /// whichever assembly declares it, and also when it is an unresolved (error) type spelled that way: the same test as
    /// <c>type.ToDisplayString() == metadataName</c>, without building a string.
    /// </summary>
    public static bool Is(INamedTypeSymbol? type, string metadataName)
    {
        if (type is not { Arity: 0 })
        {
            return false;
        }

        // Match the names from the type outwards against the dot-separated segments, from the end.
        int end = metadataName.Length;
        ISymbol symbol = type;
        while (true)
        {
            string name = symbol.Name;
            int start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(metadataName, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            switch (symbol.ContainingSymbol)
            {
                case INamespaceSymbol { IsGlobalNamespace: true }:
                    return start == 0;
                case INamespaceSymbol container when start > 0 && metadataName[start - 1] == '.':
                    symbol = container;
                    end = start - 1;
                    break;
                default:
                    return false;
            }
        }
    }
}
