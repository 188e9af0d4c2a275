using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SsmInventory.Generator.Analyzers;

namespace SsmInventory.CodeFixes;

/// <summary>
/// SSMINV006: replaces the SchemaVersion literal with the <c>major.minor</c> version it most likely means
/// (<c>1</c> → <c>1.0</c>, <c>v1.2.3</c> → <c>1.2</c>). Offers nothing when the analyzer found no such version.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NormalizeSchemaVersionCodeFixProvider))]
[Shared]
public sealed class NormalizeSchemaVersionCodeFixProvider : ReplaceLiteralCodeFixProvider
{
    public const string EquivalenceKey = "SsmInventory.NormalizeSchemaVersion";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InvalidSchemaVersion);

    protected override string Key => EquivalenceKey;

    protected override string Title(string quotedSuggestion) => $"Use SchemaVersion {quotedSuggestion}";
}
