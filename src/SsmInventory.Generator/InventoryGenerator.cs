using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SsmInventory.Generator.Emit;
using SsmInventory.Generator.Parsing;

namespace SsmInventory.Generator;

/// <summary>Emits a reflection-free <c>InventoryTypeInfo&lt;T&gt;</c> for every type marked <c>[InventoryType]</c>.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class InventoryGenerator : IIncrementalGenerator
{
    /// <summary>The tracking name of the parse step, for incremental-caching tests.</summary>
    internal const string SpecStep = "InventoryTypeSpec";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.InventoryTypeAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                InventoryTypeParser.Parse)
            .Where(static spec => spec is not null)
            .WithTrackingName(SpecStep);

        context.RegisterSourceOutput(specs, static (output, spec) =>
            output.AddSource(InventoryEmitter.HintName(spec!), SourceText.From(InventoryEmitter.Emit(spec!), Encoding.UTF8)));
    }
}
