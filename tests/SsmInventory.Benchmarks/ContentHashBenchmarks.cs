using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using SsmInventory.Tests;

namespace SsmInventory.Benchmarks;

/// <summary>
/// Item 3: <see cref="InventoryContentHash.Compute"/> over about 1 MB of content (2,000 rows of 10 attributes, like
/// AWS:Application), against the limit: MD5 over the exact bytes ContentHash hashes, computed once in setup.
/// <c>Typical</c> content has some characters Go escapes (<c>&amp;</c> in URLs and names, quotes, angle brackets,
/// backslashes) and some non-ASCII text; <c>PlainAscii</c> has none of either, the encoder's best case.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class ContentHashBenchmarks
{
    private const int RowCount = 2_000;

    private List<Dictionary<string, string>> _content = [];
    private byte[] _bytes = [];

    [Params("Typical", "PlainAscii")]
    public string Content { get; set; } = "Typical";

    [GlobalSetup]
    public void Setup()
    {
        _content = CreateContent(RowCount, plainAscii: Content == "PlainAscii");
        _bytes = Encoding.UTF8.GetBytes(ReferenceEncoder.Json(_content));

        // The baseline only means something if it hashes exactly the bytes ContentHash hashes.
        string expected = Convert.ToBase64String(MD5.HashData(_bytes));
        string actual = InventoryContentHash.Compute(_content);
        if (expected != actual)
        {
            throw new InvalidOperationException($"ContentHash {actual} differs from MD5 of the reference JSON ({expected}).");
        }

        Console.WriteLine($"// ContentHash input ({Content}): {_content.Count} rows, {_bytes.Length:N0} bytes of JSON.");
    }

    /// <summary>The limit: MD5 (and Base64) of the bytes, with no JSON encoding at all.</summary>
    [Benchmark(Baseline = true)]
    public string RawMd5() => Convert.ToBase64String(MD5.HashData(_bytes));

    [Benchmark]
    public string ContentHash() => InventoryContentHash.Compute(_content);

    /// <summary>Rows like AWS:Application's; unless plain, with some characters Go escapes and some non-ASCII text.</summary>
    internal static List<Dictionary<string, string>> CreateContent(int rows, bool plainAscii)
    {
        var random = new Random(7);
        string[] publishers = plainAscii
            ? ["Contoso Ltd.", "Fabrikam, Inc.", "Mueller and Soehne GmbH", "Northwind Traders", "Amazon.com Services LLC", "Sample K.K."]
            : ["Contoso Ltd.", "Fabrikam, Inc.", "Müller & Söhne GmbH", "Northwind Traders", "Amazon.com Services LLC", "株式会社サンプル"];
        string[] words = plainAscii
            ? ["agent", "runtime", "library", "service", "update", "security", "driver", "tools", "client", "monitor", "(beta)", "'quoted'", "C:/Program Files", "naive", "cafe"]
            : ["agent", "runtime", "library", "service", "update", "security", "driver", "tools", "client", "monitor", "<beta>", "\"quoted\"", "C:\\Program Files", "naïve", "café"];
        char querySeparator = plainAscii ? ';' : '&';
        var content = new List<Dictionary<string, string>>(rows);
        for (int i = 0; i < rows; i++)
        {
            var summary = new StringBuilder();
            int wordCount = random.Next(15, 29);
            for (int w = 0; w < wordCount; w++)
            {
                summary.Append(w == 0 ? "" : " ").Append(words[random.Next(words.Length)]);
            }

            string name = $"{words[random.Next(10)]}-{words[random.Next(10)]}-{i}";
            content.Add(new Dictionary<string, string>(10)
            {
                ["Name"] = name,
                ["ApplicationType"] = random.Next(3) == 0 ? "System Environment/Libraries" : "Development/Tools",
                ["Publisher"] = publishers[random.Next(publishers.Length)],
                ["Version"] = $"{random.Next(0, 20)}.{random.Next(0, 100)}.{random.Next(0, 1000)}",
                ["Release"] = $"{random.Next(1, 40)}.amzn2023",
                ["Epoch"] = random.Next(0, 3).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["InstalledTime"] = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(0, 30_000_000)).ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                ["Architecture"] = random.Next(4) == 0 ? "noarch" : "x86_64",
                ["Url"] = $"https://packages.example.com/{name}?arch=x86_64{querySeparator}release={i}",
                ["Summary"] = summary.ToString(),
            });
        }

        return content;
    }
}
