using System.Reflection;
using System.Runtime.Loader;
using System.Runtime.Versioning;
using System.Text;

namespace SsmInventory.Tests;

/// <summary>
/// The netstandard2.0 build (scalar encoder, polyfills) and the net10.0 build (vectorised encoder) must hash the same
/// Content to the same bytes: a node that moves from a .NET Framework service to a .NET 10 one must not resend it all.
/// This project references the netstandard2.0 build; the net10.0 build is loaded beside it in its own load context.
/// </summary>
public sealed class BuildAgreementTests
{
    private const string NetStandardFramework = ".NETStandard,Version=v2.0";
    private const string ModernFramework = ".NETCoreApp,Version=v10.0";

    private static readonly Lazy<ModernBuild> s_modern = new(ModernBuild.Load);

    [Fact]
    public void This_project_runs_the_netstandard_build_and_loads_the_net10_build_beside_it()
    {
        Assert.Equal(NetStandardFramework, TargetFramework(typeof(InventoryContentHash).Assembly));
        Assert.Equal(ModernFramework, TargetFramework(s_modern.Value.Assembly));
        Assert.NotSame(typeof(InventoryContentHash).Assembly, s_modern.Value.Assembly);
    }

    [Fact]
    public void Both_builds_hash_a_random_corpus_to_the_same_bytes()
    {
        var random = new Random(20261208);
        int compared = 0;
        for (int i = 0; i < 4000; i++)
        {
            List<Dictionary<string, string>> content = RandomContent(random);
            Outcome expected = Outcome.Of(() => HashedBytes(content, InventoryContentHash.WriteHashedBytes), () => InventoryContentHash.Compute(content));
            Outcome actual = Outcome.Of(() => HashedBytes(content, s_modern.Value.WriteHashedBytes), () => s_modern.Value.Compute(content));

            if (expected != actual)
            {
                Assert.Fail($"Content #{i} ({Describe(content)}): netstandard2.0 gave {expected.Summary}, net10.0 gave {actual.Summary}; {expected.FirstDifference(actual)}.");
            }

            compared += expected.Error is null ? 1 : 0;
        }

        // Most of the corpus must hash, or the comparison would only show that both builds refuse the same input.
        Assert.True(compared > 3000, $"Only {compared} of 4000 contents were hashed by both builds.");
    }

    [Fact]
    public void Both_builds_agree_on_every_ascii_run_length_across_the_vector_width()
    {
        for (int length = 0; length <= 200; length++)
        {
            foreach (char escaped in "\"\\\n<\u2028\u007fé")
            {
                // The escaped character sits at every position of the run, where a vector block starts, ends or straddles.
                for (int at = 0; at <= length; at += length < 40 ? 1 : 7)
                {
                    string value = new string('a', at) + escaped + new string('z', length - at);
                    var content = new List<Dictionary<string, string>> { new() { ["k" + new string('n', length % 23)] = value } };
                    byte[] expected = HashedBytes(content, InventoryContentHash.WriteHashedBytes);
                    byte[] actual = HashedBytes(content, s_modern.Value.WriteHashedBytes);
                    Assert.True(expected.AsSpan().SequenceEqual(actual), $"Run of {length} with U+{(int)escaped:X4} at {at}: the builds differ.");
                }
            }
        }
    }

    private static byte[] HashedBytes(List<Dictionary<string, string>> content, Func<IReadOnlyList<IReadOnlyDictionary<string, string>>, Stream, long> write)
    {
        using var stream = new MemoryStream();
        long written = write(content, stream);
        Assert.Equal(stream.Length, written);
        return stream.ToArray();
    }

    private static string? TargetFramework(Assembly assembly) =>
        assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;

    // ---- The corpus: every escape class, surrogates, long ASCII runs, names that sort differently by bytes and by UTF-16 ----

    private static readonly string[] s_pieces =
    [
        "\"", "\\", "\n", "\r", "\t", "\u0000", "\u0001", "\u001f", "\u0008", "\u000c", "<", ">", "&", "\u2028", "\u2029",
        "\u007f", "/", "é", "ß", "\uff01", "中文", "😀", "\U00010000", "\ud800", "\udfff", "a\ud83dz", " ", "~",
    ];

    private static List<Dictionary<string, string>> RandomContent(Random random)
    {
        var content = new List<Dictionary<string, string>>();
        int rows = random.Next(0, 5);
        for (int r = 0; r < rows; r++)
        {
            var row = new Dictionary<string, string>();
            int attributes = random.Next(0, 9);
            for (int a = 0; a < attributes; a++)
            {
                row[RandomText(random, maxSegments: 2)] = RandomText(random, maxSegments: 6);
            }

            content.Add(row);
        }

        return content;
    }

    private static string RandomText(Random random, int maxSegments)
    {
        var text = new StringBuilder();
        int segments = random.Next(1, maxSegments + 1);
        for (int s = 0; s < segments; s++)
        {
            switch (random.Next(4))
            {
                case 0:
                    // An ASCII run around the 16- and 32-character vector blocks, or a long one.
                    int[] lengths = [0, 1, 7, 15, 16, 17, 31, 32, 33, 47, 48, 63, 64, 65];
                    int length = random.Next(3) == 0 ? random.Next(100, 400) : lengths[random.Next(lengths.Length)];
                    for (int i = 0; i < length; i++)
                    {
                        text.Append((char)random.Next(0x20, 0x7f));
                    }

                    break;
                case 1:
                    text.Append(s_pieces[random.Next(s_pieces.Length)]);
                    break;
                case 2:
                    text.Append((char)random.Next(0x80, 0xd800));
                    break;
                default:
                    text.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000)));
                    break;
            }
        }

        // U+0008 and U+000C are refused where the builds agree to refuse them; keep them in a small share of the corpus.
        return random.Next(8) == 0 ? text.ToString() : text.ToString().Replace('\u0008', '\u0007').Replace('\u000c', '\u000b');
    }

    private static string Describe(List<Dictionary<string, string>> content) =>
        $"{content.Count} rows, {content.Sum(row => row.Count)} attributes";

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and < '\u007f' ? c.ToString() : $"\\u{(int)c:x4}"));

    /// <summary>What a build did with one content: its hashed bytes and hash, or the exception it threw.</summary>
    private sealed record Outcome(string? Bytes, string? Hash, string? Error)
    {
        public static Outcome Of(Func<byte[]> bytes, Func<string> hash)
        {
            try
            {
                return new Outcome(Convert.ToBase64String(bytes()), hash(), null);
            }
            catch (ArgumentException error)
            {
                return new Outcome(null, null, error.GetType().FullName + ": " + error.Message);
            }
        }

        public string Summary => Error ?? "hash " + Hash;

        public string FirstDifference(Outcome other)
        {
            if (Bytes is null || other.Bytes is null)
            {
                return "only one of them threw";
            }

            string mine = Encoding.UTF8.GetString(Convert.FromBase64String(Bytes));
            string theirs = Encoding.UTF8.GetString(Convert.FromBase64String(other.Bytes));
            int at = 0;
            while (at < mine.Length && at < theirs.Length && mine[at] == theirs[at])
            {
                at++;
            }

            int from = Math.Max(0, at - 20);
            return $"the hashed text first differs at character {at}: ...{Escape(mine[from..Math.Min(mine.Length, at + 20)])} vs ...{Escape(theirs[from..Math.Min(theirs.Length, at + 20)])}";
        }
    }

    /// <summary>The net10.0 build of SsmInventory in a load context of its own, so both builds can run in one process.</summary>
    private sealed class ModernBuild
    {
        private ModernBuild(Assembly assembly)
        {
            Assembly = assembly;
            Type hash = assembly.GetType("SsmInventory.InventoryContentHash", throwOnError: true)!;
            Compute = hash.GetMethod("Compute", BindingFlags.Public | BindingFlags.Static)!
                .CreateDelegate<Func<IReadOnlyList<IReadOnlyDictionary<string, string>>, string>>();
            WriteHashedBytes = hash.GetMethod("WriteHashedBytes", BindingFlags.NonPublic | BindingFlags.Static)!
                .CreateDelegate<Func<IReadOnlyList<IReadOnlyDictionary<string, string>>, Stream, long>>();
        }

        public Assembly Assembly { get; }

        public Func<IReadOnlyList<IReadOnlyDictionary<string, string>>, string> Compute { get; }

        public Func<IReadOnlyList<IReadOnlyDictionary<string, string>>, Stream, long> WriteHashedBytes { get; }

        public static ModernBuild Load()
        {
            string path = Path.Combine(AppContext.BaseDirectory, "net10.0-build", "SsmInventory.dll");
            Assert.True(File.Exists(path), $"The net10.0 build of SsmInventory was not copied to {path}; build this project again.");
            return new ModernBuild(new AssemblyLoadContext("SsmInventory net10.0 build").LoadFromAssemblyPath(path));
        }
    }
}
