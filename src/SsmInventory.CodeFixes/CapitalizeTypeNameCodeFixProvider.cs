using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SsmInventory.Generator.Analyzers;

namespace SsmInventory.CodeFixes;

/// <summary>SSMINV003: capitalises the first letter after <c>Custom:</c> in the TypeName literal.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CapitalizeTypeNameCodeFixProvider))]
[Shared]
public sealed class CapitalizeTypeNameCodeFixProvider : ReplaceLiteralCodeFixProvider
{
    public const string EquivalenceKey = "SsmInventory.CapitalizeTypeName";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TypeNameNotCapitalized);

    protected override string Key => EquivalenceKey;

    protected override string Title(string quotedSuggestion) => $"Capitalise the TypeName: {quotedSuggestion}";
}
