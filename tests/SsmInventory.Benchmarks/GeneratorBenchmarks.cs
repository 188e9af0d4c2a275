using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Basic.Reference.Assemblies;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SsmInventory.Generator;

namespace SsmInventory.Benchmarks;

/// <summary>
/// Item 4: one full generator run over 500 annotated 12-property classes, through a fresh <see cref="GeneratorDriver"/>,
/// against System.Text.Json's source generator over the same 500 classes (all listed in one JsonSerializerContext,
/// as STJ is designed). Baseline: System.Text.Json.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class GeneratorBenchmarks
{
    private GeneratorInputs _ours = null!;
    private GeneratorInputs _stj = null!;

    // Each benchmark runs in its own process; set up only the generator it measures (the setup checks are slow).
    [GlobalSetup(Target = nameof(SystemTextJson_FullRun))]
    public void SetupSystemTextJson() => _stj = GeneratorInputs.ForSystemTextJson();

    [GlobalSetup(Target = nameof(SsmInventory_FullRun))]
    public void SetupSsmInventory() => _ours = GeneratorInputs.ForSsmInventory();

    [Benchmark(Baseline = true)]
    public GeneratorDriver SystemTextJson_FullRun() => _stj.FullRun();

    [Benchmark]
    public GeneratorDriver SsmInventory_FullRun() => _ours.FullRun();
}

/// <summary>
/// Item 4, the cached re-run: a driver that has already run over the 500 types runs again over a compilation in which
/// only a file with no annotated types changed. Baseline, per generator: a full run (fresh driver) over that same edit.
/// <para>
/// <c>RerunAfterUnrelatedEdit</c> gets a new compilation each time, as after a real edit, so the re-run includes
/// binding the 500 types' symbols again. <c>RerunAfterUnrelatedEdit_SymbolsBound</c> re-runs over one edited
/// compilation whose symbols an earlier run already bound: the driver's own incremental work, without the binding that
/// the compiler does for that compilation anyway.
/// </para>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GeneratorRerunBenchmarks
{
    private GeneratorInputs _ours = null!;
    private GeneratorInputs _stj = null!;

    [GlobalSetup(Targets = [nameof(SsmInventory_FullRun), nameof(SsmInventory_RerunAfterUnrelatedEdit), nameof(SsmInventory_RerunAfterUnrelatedEdit_SymbolsBound)])]
    public void SetupSsmInventory() => _ours = GeneratorInputs.ForSsmInventory();

    [GlobalSetup(Targets = [nameof(SystemTextJson_FullRun), nameof(SystemTextJson_RerunAfterUnrelatedEdit), nameof(SystemTextJson_RerunAfterUnrelatedEdit_SymbolsBound)])]
    public void SetupSystemTextJson() => _stj = GeneratorInputs.ForSystemTextJson();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("SsmInventory")]
    public GeneratorDriver SsmInventory_FullRun() => _ours.FullRun();

    [Benchmark]
    [BenchmarkCategory("SsmInventory")]
    public GeneratorDriver SsmInventory_RerunAfterUnrelatedEdit() => _ours.Rerun();

    [Benchmark]
    [BenchmarkCategory("SsmInventory")]
    public GeneratorDriver SsmInventory_RerunAfterUnrelatedEdit_SymbolsBound() => _ours.RerunSymbolsBound();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("SystemTextJson")]
    public GeneratorDriver SystemTextJson_FullRun() => _stj.FullRun();

    [Benchmark]
    [BenchmarkCategory("SystemTextJson")]
    public GeneratorDriver SystemTextJson_RerunAfterUnrelatedEdit() => _stj.Rerun();

    [Benchmark]
    [BenchmarkCategory("SystemTextJson")]
    public GeneratorDriver SystemTextJson_RerunAfterUnrelatedEdit_SymbolsBound() => _stj.RerunSymbolsBound();
}

/// <summary>
/// A compilation of 500 classes with 12 properties each, plus an enum file and a helper file with no annotated types,
/// and a driver for one generator. Both generators get the same classes; ours sees them with [InventoryType], STJ's
/// with a JsonSerializerContext listing all 500.
/// </summary>
internal sealed class GeneratorInputs
{
    public const int TypeCount = 500;

    private const string HelpersSource = """
        namespace Bench.Models;

        public static class Helpers
        {
            public static int Twice(int x) => x * 2;
        }
        """;

    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);

    private static readonly GeneratorDriverOptions s_driverOptions = new(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false);

    private readonly ISourceGenerator _generator;
    private readonly CSharpCompilation _compilation;
    private readonly SyntaxTree _helpers;
    private readonly SyntaxTree _editedHelpers;
    private readonly GeneratorDriver _warmDriver;
    private readonly CSharpCompilation _editedBound;

    private GeneratorInputs(string name, ISourceGenerator generator, IEnumerable<string> sources, int minimumGeneratedFiles, string expectedText)
    {
        _generator = generator;
        var trees = new List<SyntaxTree>();
        int i = 0;
        foreach (string source in sources)
        {
            trees.Add(CSharpSyntaxTree.ParseText(source, s_parseOptions, path: $"Source{i++}.cs", encoding: Encoding.UTF8));
        }

        _helpers = CSharpSyntaxTree.ParseText(HelpersSource, s_parseOptions, path: "Helpers.cs", encoding: Encoding.UTF8);
        _editedHelpers = _helpers.WithChangedText(SourceText.From(HelpersSource.Replace("x * 2", "x + x", StringComparison.Ordinal), Encoding.UTF8));
        trees.Add(_helpers);

        _compilation = CSharpCompilation.Create(
            "Bench",
            trees,
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(InventoryTypeAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        // Check once that the generator really generates, cleanly, and that its output compiles: a benchmark that
        // measures a generator doing nothing (failing to load, finding no types, throwing) is worse than none.
        _warmDriver = NewDriver().RunGeneratorsAndUpdateCompilation(_compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        GeneratorRunResult result = _warmDriver.GetRunResult().Results.Single();
        if (result.Exception is not null)
        {
            throw new InvalidOperationException($"{name}: the generator threw.", result.Exception);
        }

        if (diagnostics.Concat(result.Diagnostics).FirstOrDefault(d => d.Severity >= DiagnosticSeverity.Warning) is { } generatorDiagnostic)
        {
            throw new InvalidOperationException($"{name}: the generator reported {generatorDiagnostic}");
        }

        if (result.GeneratedSources.Length < minimumGeneratedFiles
            || !result.GeneratedSources.Any(s => s.SourceText.ToString().Contains(expectedText, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException(
                $"{name}: the generator produced {result.GeneratedSources.Length} files, expected at least {minimumGeneratedFiles} including '{expectedText}'.");
        }

        // The input plus the generated code must compile (STJ's partial context only compiles with its generated half).
        if (output.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } outputError)
        {
            throw new InvalidOperationException($"{name}: the input and generated code do not compile: {outputError}");
        }

        // And that the re-run after the unrelated edit gives the same files.
        GeneratorRunResult rerun = Rerun().GetRunResult().Results.Single();
        if (rerun.Exception is not null || rerun.GeneratedSources.Length != result.GeneratedSources.Length)
        {
            throw new InvalidOperationException($"{name}: the re-run produced {rerun.GeneratedSources.Length} files, expected {result.GeneratedSources.Length}.", rerun.Exception);
        }

        // One edited compilation whose symbols this first re-run binds, for the SymbolsBound re-runs.
        _editedBound = Edited();
        _warmDriver.RunGenerators(_editedBound);

        long generatedChars = result.GeneratedSources.Sum(s => (long)s.SourceText.Length);
        Console.WriteLine($"// {name}: {TypeCount} types, {result.GeneratedSources.Length} generated files, {generatedChars:N0} characters.");
        Console.WriteLine($"// {name}: what the re-run after the unrelated edit re-executes: {DescribeRerunSteps()}");
    }

    public static GeneratorInputs ForSsmInventory() => new(
        "SsmInventory",
        new InventoryGenerator().AsSourceGenerator(),
        Types(annotate: true).Append(EnumSource),
        minimumGeneratedFiles: TypeCount,
        expectedText: $"class Type{TypeCount - 1}Inventory");

    public static GeneratorInputs ForSystemTextJson() => new(
        "System.Text.Json",
        SystemTextJsonGenerator.Create(),
        Types(annotate: false).Append(EnumSource).Append(JsonContextSource()),
        minimumGeneratedFiles: TypeCount,
        expectedText: $"JsonTypeInfo<global::Bench.Models.Type{TypeCount - 1}>");

    /// <summary>The warm driver over an edited compilation whose symbols are already bound.</summary>
    public GeneratorDriver RerunSymbolsBound() => _warmDriver.RunGenerators(_editedBound);

    /// <summary>A fresh driver over the compilation after the unrelated edit: nothing cached.</summary>
    public GeneratorDriver FullRun() => NewDriver().RunGenerators(Edited());

    /// <summary>The driver that already ran over the original compilation, over the one after the unrelated edit.</summary>
    public GeneratorDriver Rerun() => _warmDriver.RunGenerators(Edited());

    // A new compilation each time, as after a real edit: it shares the syntax trees but none of the bound symbols.
    private CSharpCompilation Edited() => _compilation.ReplaceSyntaxTree(_helpers, _editedHelpers);

    /// <summary>For the log: the run reasons of every tracked step's outputs in a re-run after the unrelated edit.</summary>
    private string DescribeRerunSteps()
    {
        GeneratorDriver tracked = CSharpGeneratorDriver.Create(
                [_generator],
                parseOptions: s_parseOptions,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true))
            .RunGenerators(_compilation)
            .RunGenerators(Edited());
        GeneratorRunResult result = tracked.GetRunResult().Results.Single();
        IEnumerable<string> Describe(ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> steps) =>
            steps.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key + " " + string.Join(
                "/",
                s.Value.SelectMany(step => step.Outputs).GroupBy(o => o.Reason).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}")));
        return "steps [" + string.Join("; ", Describe(result.TrackedSteps)) + "], outputs [" + string.Join("; ", Describe(result.TrackedOutputSteps)) + "]";
    }

    private GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create([_generator], parseOptions: s_parseOptions, driverOptions: s_driverOptions);

    private const string EnumSource = """
        namespace Bench.Models;

        public enum HostState { Unknown = 0, Pending = 1, Running = 2, Stopped = 3, Terminated = 4 }
        """;

    private static IEnumerable<string> Types(bool annotate)
    {
        for (int n = 0; n < TypeCount; n++)
        {
            string attribute = annotate ? $"[SsmInventory.InventoryType(\"Custom:Type{n}\", \"1.0\")]" : "";
            yield return $$"""
                using System;

                namespace Bench.Models;

                {{attribute}}
                public sealed class Type{{n}}
                {
                    public string Hostname { get; set; } = "";
                    public string? Description { get; set; }
                    public int CpuCount { get; set; }
                    public long MemoryBytes { get; set; }
                    public bool IsVirtual { get; set; }
                    public double LoadAverage { get; set; }
                    public decimal HourlyCost { get; set; }
                    public DateTime BootTime { get; set; }
                    public Guid InstanceId { get; set; }
                    public HostState State { get; set; }
                    public int? RackSlot { get; set; }
                    public string Region { get; set; } = "";
                }
                """;
        }
    }

    private static string JsonContextSource()
    {
        var source = new StringBuilder("using System.Text.Json.Serialization;\n\nnamespace Bench.Models;\n\n");
        for (int n = 0; n < TypeCount; n++)
        {
            source.Append("[JsonSerializable(typeof(Type").Append(n).Append("))]\n");
        }

        source.Append("public sealed partial class BenchJsonContext : JsonSerializerContext\n{\n}\n");
        return source.ToString();
    }
}

/// <summary>
/// Loads System.Text.Json's source generator from the SDK's Microsoft.NETCore.App.Ref pack (the one the compiler uses
/// for net10.0 projects), for the running runtime's version or else the newest pack installed.
/// Set SSMINVENTORY_STJ_GENERATOR to a System.Text.Json.SourceGeneration.dll path to use another one.
/// </summary>
internal static class SystemTextJsonGenerator
{
    private const string FileName = "System.Text.Json.SourceGeneration.dll";

    public static ISourceGenerator Create()
    {
        string path = Locate();
        Assembly assembly = Assembly.LoadFrom(path);
        Type generatorType = assembly.GetTypes().SingleOrDefault(t =>
                typeof(IIncrementalGenerator).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<GeneratorAttribute>() is not null)
            ?? throw new InvalidOperationException($"No IIncrementalGenerator with [Generator] in {path}.");
        var generator = (IIncrementalGenerator)Activator.CreateInstance(generatorType)!;
        return generator.AsSourceGenerator();
    }

    private static string Locate()
    {
        string? configured = Environment.GetEnvironmentVariable("SSMINVENTORY_STJ_GENERATOR");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : throw new FileNotFoundException("SSMINVENTORY_STJ_GENERATOR names no file.", configured);
        }

        // The runtime directory is <dotnet>/shared/Microsoft.NETCore.App/<version>/.
        var runtimeDirectory = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar));
        string version = runtimeDirectory.Name;
        string dotnetRoot = runtimeDirectory.Parent!.Parent!.Parent!.FullName;
        string packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        string exact = Path.Combine(packs, version, "analyzers", "dotnet", "cs", FileName);
        if (File.Exists(exact))
        {
            return exact;
        }

        string? newest = Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .Select(d => (Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out Version? v) ? v : null, Path: Path.Combine(d, "analyzers", "dotnet", "cs", FileName)))
                .Where(p => p.Version is not null && File.Exists(p.Path))
                .OrderByDescending(p => p.Version)
                .Select(p => p.Path)
                .FirstOrDefault()
            : null;
        return newest ?? throw new FileNotFoundException($"{FileName} was not found under {packs}; set SSMINVENTORY_STJ_GENERATOR.");
    }
}
