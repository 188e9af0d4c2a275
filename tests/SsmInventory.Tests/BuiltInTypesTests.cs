using System.Text.Json;
using SsmInventory.BuiltIn;
using SsmInventory.Metadata;

namespace SsmInventory.Tests;

/// <summary>The typed read models of the built-in AWS: types, produced by the project's own generator.</summary>
public sealed class BuiltInTypesTests
{
    private static readonly InventoryTypeInfo[] s_all =
    [
        AwsInstanceInformationInventory.TypeInfo,
        AwsApplicationInventory.TypeInfo,
        AwsFileInventory.TypeInfo,
        AwsAWSComponentInventory.TypeInfo,
        AwsWindowsUpdateInventory.TypeInfo,
        AwsNetworkInventory.TypeInfo,
        AwsPatchSummaryInventory.TypeInfo,
        AwsComplianceItemInventory.TypeInfo,
        AwsComplianceSummaryInventory.TypeInfo,
        AwsInstanceDetailedInformationInventory.TypeInfo,
        AwsServiceInventory.TypeInfo,
        AwsWindowsRegistryInventory.TypeInfo,
        AwsWindowsRoleInventory.TypeInfo,
    ];

    public static TheoryData<InventoryTypeInfo> All => new(s_all);

    [Theory]
    [MemberData(nameof(All))]
    public void Each_read_model_matches_its_lock_file_in_schemas(InventoryTypeInfo info)
    {
        string path = Path.Combine(RepositoryRoot(), "schemas", "aws", info.TypeName.Replace(':', '_') + ".json");
        using JsonDocument lockFile = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement root = lockFile.RootElement;

        Assert.Equal(root.GetProperty("TypeName").GetString(), info.TypeName);
        Assert.Equal(root.GetProperty("Version").GetString(), info.SchemaVersion);
        Assert.Equal(
            root.GetProperty("Attributes").EnumerateArray().Select(a => (a.GetProperty("Name").GetString(), a.GetProperty("DataType").GetString())),
            info.Attributes.Select(a => ((string?)a.Name, (string?)a.DataTypeName)));
    }

    [Fact]
    public void Every_lock_file_in_schemas_aws_has_a_read_model()
    {
        var lockFiles = Directory.GetFiles(Path.Combine(RepositoryRoot(), "schemas", "aws"), "*.json").Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(lockFiles.Order(StringComparer.Ordinal), s_all.Select(info => info.TypeName.Replace(':', '_')).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Entries_read_into_typed_objects_with_absent_attributes_as_null()
    {
        var entries = new List<Dictionary<string, string>>
        {
            new() { ["Name"] = "amazon-ssm-agent", ["Version"] = "3.3.1142.0", ["Publisher"] = "Amazon.com", ["InstalledTime"] = "2024-05-01T10:00:00Z" },
            new() { ["Name"] = "nginx", ["Version"] = "1.24.0" },
        };

        List<AwsApplication> applications = AwsApplicationInventory.TypeInfo.ReadContent(entries);

        Assert.Equal(["amazon-ssm-agent", "nginx"], applications.Select(a => a.Name));
        Assert.Equal("Amazon.com", applications[0].Publisher);
        Assert.Null(applications[1].Publisher);
    }

    [Fact]
    public void Number_attributes_read_as_integers()
    {
        var summary = AwsPatchSummaryInventory.TypeInfo.ReadRow(new Dictionary<string, string> { ["InstalledCount"] = "42", ["MissingCount"] = "0" });
        Assert.Equal(42, summary.InstalledCount);
        Assert.Equal(0, summary.MissingCount);
        Assert.Equal("number", AwsPatchSummaryInventory.TypeInfo.Attributes.Single(a => a.Name == "InstalledCount").DataTypeName);
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }
}
