using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SsmInventory.Generator.Analyzers;

namespace SsmInventory.CodeFixes;

/// <summary>SSMINV001 and SSMINV002: replaces the TypeName literal with the suggested <c>Custom:</c> name.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseCustomPrefixCodeFixProvider))]
[Shared]
public sealed class UseCustomPrefixCodeFixProvider : ReplaceLiteralCodeFixProvider
{
    /// <summary>The equivalence key of the fix, shared by both diagnostics so that Fix All covers them together.</summary>
    public const string EquivalenceKey = "SsmInventory.UseCustomPrefix";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.TypeNameMissingCustomPrefix, DiagnosticIds.TypeNameReservedAwsPrefix);

    protected override string Key => EquivalenceKey;

    protected override string Title(string quotedSuggestion) => $"Use the 'Custom:' prefix: {quotedSuggestion}";
}
