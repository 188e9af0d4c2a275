using System.IO.Compression;
using System.Security;
using System.Text.RegularExpressions;

namespace SsmInventory.Package.Tests;

/// <summary>
/// A new console project uses the packages exactly as a user would: <c>dotnet new</c>, <c>dotnet add package</c>,
/// <c>dotnet build</c>, <c>dotnet run</c>.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerTests(PackageFixture packages)
{
    private const string ValidProgram = """
        using SsmInventory;

        Probe[] probes = [new Probe("alpha", 3), new Probe("beta", 5)];
        var info = ProbeInventory.TypeInfo;
        Console.WriteLine($"TypeName={info.TypeName}");
        Console.WriteLine($"SchemaVersion={info.SchemaVersion}");
        foreach (Probe probe in probes)
        {
            Dictionary<string, string> row = info.WriteRow(probe);
            Console.WriteLine("Row=" + string.Join(",", row.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{p.Value}")));
        }

        InventoryItemData item = InventoryItemData.Create(info, probes, TimeProvider.System);
        Console.WriteLine($"ContentHash={item.ContentHash}");
        Console.WriteLine($"HashAgrees={item.ContentHash == InventoryContentHash.Compute(info.WriteContent(probes))}");
        Console.WriteLine($"Aws={typeof(SsmInventory.Aws.SsmInventoryOptions).Assembly.GetName().Name}");

        [InventoryType("Custom:Probe", "1.0")]
        public sealed record Probe(string Name, int Count);
        """;

    private const string InvalidType = """
        namespace Consumer;

        // SSMINV001 (no Custom: prefix), SSMINV006 (not major.minor), SSMINV023 (object has no conversion).
        [SsmInventory.InventoryType("Probe", "1")]
        public sealed class Invalid
        {
            public object? Value { get; set; }
        }
        """;

    // A lock for Custom:Probe 1.0 that records other attributes: SSMINV040, which only the schemas/*.json that the
    // package's build logic passes to the analyzers can produce.
    private const string StaleLock = """
        {
          "TypeName": "Custom:Probe",
          "Version": "1.0",
          "Attributes": [
            { "Name": "Other", "DataType": "string" }
          ]
        }
        """;

    [Fact]
    public void A_new_project_builds_and_runs_with_the_packages_and_reports_diagnostics_for_an_invalid_type()
    {
        packages.AssertPacked();

        string app = Path.Combine(packages.Root, "Consumer");
        var environment = new Dictionary<string, string>
        {
            // Packages restored for the consumer go to a folder of this run, not the machine's cache.
            ["NUGET_PACKAGES"] = Path.Combine(packages.Root, "packages"),
        };

        Run(packages.Root, environment, "new", "console", "-o", app, "-n", "Consumer", "--framework", "net10.0", "--no-restore");
        WriteNuGetConfig(app);

        Run(app, environment, "add", "package", "SsmInventory", "--version", packages.Version);
        Run(app, environment, "add", "package", "SsmInventory.Aws", "--version", packages.Version);
        File.WriteAllText(Path.Combine(app, "Program.cs"), ValidProgram);

        ProcessResult build = Run(app, environment, "build");
        PackageFixture.AssertCleanSuccess(build);
        Assert.True(File.Exists(Path.Combine(packages.Root, "packages", "ssminventory", packages.Version.ToLowerInvariant(), "ssminventory.nuspec")),
            "SsmInventory was not restored from this run's feed." + Environment.NewLine + build);

        ProcessResult run = Run(app, environment, "run", "--no-build");
        string[] lines = run.Output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string message = "Unexpected program output." + Environment.NewLine + run;
        Assert.True(lines.Contains("TypeName=Custom:Probe"), message);
        Assert.True(lines.Contains("SchemaVersion=1.0"), message);
        Assert.True(lines.Contains("Row=Count:3,Name:alpha"), message);
        Assert.True(lines.Contains("Row=Count:5,Name:beta"), message);
        Assert.True(lines.Contains("HashAgrees=True"), message);
        Assert.True(lines.Contains("Aws=SsmInventory.Aws"), message);
        string? hash = lines.SingleOrDefault(l => l.StartsWith("ContentHash=", StringComparison.Ordinal))?["ContentHash=".Length..];
        Assert.False(string.IsNullOrWhiteSpace(hash), message);

        File.WriteAllText(Path.Combine(app, "Invalid.cs"), InvalidType);
        Directory.CreateDirectory(Path.Combine(app, "schemas"));
        File.WriteAllText(Path.Combine(app, "schemas", "Custom_Probe.json"), StaleLock);

        ProcessResult invalid = DotNetCli.Run(app, PackageFixture.CommandTimeout, environment, "build");
        Assert.False(invalid.Succeeded, "The build with an invalid type succeeded." + Environment.NewLine + invalid);
        foreach (string id in new[] { "SSMINV001", "SSMINV006", "SSMINV023", "SSMINV040" })
        {
            Assert.True(invalid.Output.Contains($"error {id}:", StringComparison.Ordinal),
                $"The build output has no error {id}." + Environment.NewLine + invalid);
        }

        Assert.True(invalid.Output.Contains("Invalid.cs", StringComparison.Ordinal), "No diagnostic points at Invalid.cs." + Environment.NewLine + invalid);
    }

    [Fact]
    public void A_netstandard2_0_library_is_told_to_use_csharp_9_and_then_builds_clean()
    {
        packages.AssertPacked();

        string library = Path.Combine(packages.Root, "Library");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(packages.Root, "packages") };
        Run(packages.Root, environment, "new", "classlib", "-o", library, "-n", "Library", "--framework", "netstandard2.0", "--no-restore");
        WriteNuGetConfig(library);
        Run(library, environment, "add", "package", "SsmInventory", "--version", packages.Version);
        File.Delete(Path.Combine(library, "Class1.cs"));
        File.WriteAllText(Path.Combine(library, "Probe.cs"), """
            using System;
            using SsmInventory;

            namespace Library
            {
                public enum Tier { Web, Data }

                [InventoryType("Custom:Probe", "1.0")]
                public sealed class Probe
                {
                    public string Name { get; set; } = "";
                    public int Count { get; set; }
                    public DateTime Seen { get; set; }
                    public Tier Tier { get; set; }
                    public double? Load { get; set; }
                    public Uri Home { get; set; } = new Uri("https://example.com/");
                }
            }
            """);

        // netstandard2.0 defaults to C# 7.3, which the generated code cannot be: the build says what to set.
        ProcessResult old = DotNetCli.Run(library, PackageFixture.CommandTimeout, environment, "build");
        Assert.False(old.Succeeded, "The C# 7.3 build succeeded." + Environment.NewLine + old);
        Assert.True(old.Output.Contains("error SSMINV012:", StringComparison.Ordinal) && old.Output.Contains("set <LangVersion> to 9.0 or later", StringComparison.Ordinal),
            "The C# 7.3 build does not report SSMINV012 with its fix." + Environment.NewLine + old);

        string project = Path.Combine(library, "Library.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "<TargetFramework>netstandard2.0</TargetFramework>",
            "<TargetFramework>netstandard2.0</TargetFramework><LangVersion>9.0</LangVersion><Nullable>enable</Nullable><TreatWarningsAsErrors>true</TreatWarningsAsErrors>",
            StringComparison.Ordinal));
        PackageFixture.AssertCleanSuccess(Run(library, environment, "build"));
    }

    /// <summary>
    /// Every C# block of a package's README, as nuget.org shows it (the PACKAGE.md inside the package), is a complete
    /// program that builds without a warning in a new project that references only that package.
    /// </summary>
    [Theory]
    [InlineData("SsmInventory")]
    [InlineData("SsmInventory.Aws")]
    public void The_package_readme_start_builds_in_a_new_project(string id)
    {
        packages.AssertPacked();
        string[] blocks = CSharpBlocks(PackedReadme(id));
        Assert.True(blocks.Length > 0, $"The PACKAGE.md of {id} has no ```csharp block.");

        string app = Path.Combine(packages.Root, "Readme." + id);
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(packages.Root, "packages") };
        Run(packages.Root, environment, "new", "console", "-o", app, "-n", "ReadmeStart", "--framework", "net10.0", "--no-restore");
        WriteNuGetConfig(app);
        Run(app, environment, "add", "package", id, "--version", packages.Version);

        foreach (string block in blocks)
        {
            File.WriteAllText(Path.Combine(app, "Program.cs"), block);
            PackageFixture.AssertCleanSuccess(DotNetCli.Run(app, PackageFixture.CommandTimeout, environment, "build", "--no-restore"));
        }
    }

    private string PackedReadme(string id)
    {
        using ZipArchive package = ZipFile.OpenRead(packages.PackagePath(id));
        using var reader = new StreamReader(package.GetEntry("PACKAGE.md")!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The contents of the Markdown code blocks fenced as <c>```csharp</c>.</summary>
    private static string[] CSharpBlocks(string markdown) =>
        Regex.Matches(markdown.ReplaceLineEndings("\n"), "^```csharp\n(.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)
            .Select(match => match.Groups[1].Value)
            .ToArray();

    private static ProcessResult Run(string directory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        ProcessResult result = DotNetCli.Run(directory, PackageFixture.CommandTimeout, environment, arguments);
        Assert.True(result.Succeeded, "The command failed." + Environment.NewLine + result);
        return result;
    }

    /// <summary>
    /// Adds this run's feed to the sources the machine already has (no &lt;clear/&gt;), and reads packages already on
    /// the machine (the AWS SDK, Microsoft.Extensions) from its package folder rather than downloading them again.
    /// </summary>
    private void WriteNuGetConfig(string app)
    {
        string machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string fallback = Directory.Exists(machinePackages)
            ? $"""
                <fallbackPackageFolders>
                  <add key="machine" value="{SecurityElement.Escape(machinePackages)}" />
                </fallbackPackageFolders>
              """
            : "";
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="ssminventory-test-feed" value="{SecurityElement.Escape(packages.Feed)}" />
              </packageSources>
            {fallback}
            </configuration>
            """);
    }
}
