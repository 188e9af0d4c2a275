using System.Runtime.InteropServices;

namespace SsmInventory.Sample;

/// <summary>Lists the .NET shared frameworks installed beside the runtime this process runs on.</summary>
internal static class DotNetRuntimeCollector
{
    private const string CoreFramework = "Microsoft.NETCore.App";

    public static List<DotNetRuntime> Collect()
    {
        // A framework-dependent app runs from <dotnet root>/shared/Microsoft.NETCore.App/<version>/, whose parent's
        // parent holds every installed framework. typeof(object).Assembly.Location would name the same folder, but it
        // is empty in single-file and native AOT apps, and the AOT analyzers reject it (IL3000).
        var runtimeDirectory = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        DirectoryInfo? frameworkDirectory = runtimeDirectory.Parent;
        DirectoryInfo? sharedDirectory = frameworkDirectory?.Parent;
        if (frameworkDirectory?.Name != CoreFramework || sharedDirectory is null)
        {
            // Self-contained or native AOT: the runtime ships inside the application, in its folder.
            return [new DotNetRuntime(CoreFramework, Environment.Version.ToString(), Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory))];
        }

        // Sorted because file systems list folders in any order, and the ContentHash depends on the order of the rows.
        return sharedDirectory.EnumerateDirectories()
            .SelectMany(framework => framework.EnumerateDirectories(), (framework, version) => new DotNetRuntime(framework.Name, version.Name, version.FullName))
            .OrderBy(runtime => runtime.Name, StringComparer.Ordinal)
            .ThenBy(runtime => runtime.Version, StringComparer.Ordinal)
            .ToList();
    }
}
