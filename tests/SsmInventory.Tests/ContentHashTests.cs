using System.Collections.ObjectModel;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SsmInventory.Tests;

public sealed class ContentHashTests
{
    private const string SecretValue = "s3cr3t-inventory-value";

    private const string LongPad = "0123456789abcdefghijklmnopqrstuvwxyz";

    // ---- The agent's own vectors ----

    public static TheoryData<string> VectorNames()
    {
        var names = new TheoryData<string>();
        using JsonDocument document = ContentHashVectors.Load();
        foreach (JsonElement vector in document.RootElement.GetProperty("vectors").EnumerateArray())
        {
            names.Add(vector.GetProperty("name").GetString()!);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Vector_ProducesTheAgentsBytesAndHash(string name)
    {
        using JsonDocument document = ContentHashVectors.Load();
        JsonElement vector = document.RootElement.GetProperty("vectors").EnumerateArray()
            .Single(v => v.GetProperty("name").GetString() == name);
        List<Dictionary<string, string>> rows = ContentHashVectors.ToRows(vector.GetProperty("content"));
        byte[] expectedBytes = Encoding.UTF8.GetBytes(vector.GetProperty("hashedBytes").GetString()!);
        string expectedHash = vector.GetProperty("contentHash").GetString()!;

        // The vector file is consistent with itself...
        Assert.Equal(expectedHash, Md5Base64(expectedBytes));

        // ...and the library reproduces both its bytes and its hash, taking a List<Dictionary<string, string>> as is.
        AssertBytes(expectedBytes, rows);
        Assert.Equal(expectedHash, InventoryContentHash.Compute(rows));
    }

    [Fact]
    public void Vectors_ContainEveryVectorOfTheReferencePage()
    {
        using JsonDocument document = ContentHashVectors.Load();
        var hashes = document.RootElement.GetProperty("vectors").EnumerateArray()
            .Select(v => v.GetProperty("contentHash").GetString()!)
            .ToHashSet();

        string[] fromReferenceTable =
        [
            "48GtZeuIJBBC97ikXAAVeA==", "YOmbldlylsgT2Jicc13aJw==", "N6YlnMDB2uKZp4Zkid/wvQ==", "ohyvtMQF5pl2caAuV4ubHg==",
            "diehzdqG9+6i5si9j34dyA==", "rXFKtxqWvIHEoxGY+ZU5Pg==", "pyq/YT4NVtDxuJnhfKRFrw==",
        ];
        Assert.Superset(fromReferenceTable.ToHashSet(), hashes);
    }

    [Fact]
    public void Vectors_CheckedInCopyMatchesTheSharedReference()
    {
        string? checkedIn = ContentHashVectors.FindCheckedIn();
        Assert.True(checkedIn is not null, "tests/SsmInventory.Tests/Vectors/content-hash.json was not found above " + AppContext.BaseDirectory);

        string? shared = ContentHashVectors.FindShared();
        if (shared is null)
        {
            // Standalone checkout: the checked-in copy is the reference.
            return;
        }

        Assert.True(
            Normalize(File.ReadAllText(shared)) == Normalize(File.ReadAllText(checkedIn)),
            $"{checkedIn} differs from {shared}; copy the shared vectors file into the test project.");

        static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    // ---- Shape ----

    [Fact]
    public void EmptyList_HashesTheFourBytesNull()
    {
        var rows = new List<Dictionary<string, string>>();

        AssertBytes("null", rows);
        Assert.Equal("N6YlnMDB2uKZp4Zkid/wvQ==", InventoryContentHash.Compute(rows));
    }

    [Fact]
    public void EmptyRow_IsAnEmptyObject()
    {
        var rows = new List<Dictionary<string, string>> { new() };

        AssertBytes("[{}]", rows);
        Assert.Equal("ohyvtMQF5pl2caAuV4ubHg==", InventoryContentHash.Compute(rows));
    }

    [Fact]
    public void MultipleRows_AreCompactAndKeepTheirOrder()
    {
        var rows = new List<Dictionary<string, string>>
        {
            new() { ["Version"] = "2", ["Name"] = "zeta" },
            new(),
            new() { ["Name"] = "alpha", ["Extra"] = "" },
        };

        AssertBytes("""[{"Name":"zeta","Version":"2"},{},{"Extra":"","Name":"alpha"}]""", rows);
    }

    [Fact]
    public void Rows_ThatAreNotDictionaries_EncodeTheSameWay()
    {
        var dictionary = new Dictionary<string, string> { ["b"] = "1", ["a"] = "<2>", ["\U0001F600"] = "3", ["\uFF01"] = "4" };
        var rows = new List<IReadOnlyDictionary<string, string>>
        {
            new ReadOnlyDictionary<string, string>(dictionary),
            new SortedDictionary<string, string>(dictionary, StringComparer.Ordinal),
            new PairList(dictionary.ToArray()),
            dictionary,
        };

        const string Row = """{"a":"\u003c2\u003e","b":"1","！":"4","😀":"3"}""";
        AssertBytes($"[{Row},{Row},{Row},{Row}]", rows);
    }

    // ---- Key order ----

    [Fact]
    public void Keys_AreSortedByUtf8Bytes_NotByUtf16Ordinal()
    {
        const string Fullwidth = "\uFF01";   // EF BC 81
        const string Emoji = "\U0001F600";   // F0 9F 98 80, but UTF-16 D83D DE00 sorts below FF01
        Assert.True(string.CompareOrdinal(Emoji, Fullwidth) < 0);

        var rows = new List<Dictionary<string, string>> { new() { [Emoji] = "e", [Fullwidth] = "f", ["\uE000"] = "p", ["\U00010000"] = "s" } };

        AssertBytes("[{\"\uE000\":\"p\",\"\uFF01\":\"f\",\"\U00010000\":\"s\",\"\U0001F600\":\"e\"}]", rows);
        Assert.True(InventoryContentHash.CompareNames(Fullwidth, Emoji) < 0);
        Assert.True(InventoryContentHash.CompareNames(Emoji, Fullwidth) > 0);
    }

    [Fact]
    public void Keys_AreSortedCaseSensitivelyAndByteWise()
    {
        var rows = new List<Dictionary<string, string>>
        {
            new() { ["b"] = "1", ["B"] = "2", ["a10"] = "3", ["a2"] = "4", ["a1"] = "5", ["é"] = "6", ["_"] = "7", ["~"] = "8" },
        };

        AssertBytes("""[{"B":"2","_":"7","a1":"5","a10":"3","a2":"4","b":"1","~":"8","é":"6"}]""", rows);
    }

    [Fact]
    public void Keys_InLargeRows_AreSortedTheSameWay()
    {
        // More attributes than the insertion sort handles, so the other sort path runs.
        var row = new Dictionary<string, string>();
        for (int i = 0; i < 60; i++)
        {
            row[(i % 3) switch { 0 => $"k{i}", 1 => $"\uFF01{i}", _ => $"\U0001F600{i}" }] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var rows = new List<Dictionary<string, string>> { row };
        AssertMatchesReference(rows);
    }

    [Fact]
    public void Rows_WithTheSameNames_InAnyEnumerationOrder_AreEachSorted()
    {
        // Consecutive rows with the same names share one sort; rows that differ in any way must be sorted afresh.
        var reordered = new Dictionary<string, string> { ["b"] = "1", ["a"] = "2", ["c"] = "3" };
        reordered.Remove("b");
        reordered["b"] = "4";
        var rows = new List<Dictionary<string, string>>
        {
            new() { ["b"] = "1", ["a"] = "2", ["c"] = "3" },
            new() { ["b"] = "1", ["a"] = "2", ["c"] = "3" },
            new() { ["c"] = "1", ["b"] = "2", ["a"] = "3" },
            reordered,
            new() { ["b"] = "1", ["a"] = "2", ["d"] = "3" },
            new() { [new string('b', 1)] = "1", [new string('a', 1)] = "2", [new string('d', 1)] = "3" },
            new() { ["b"] = "1", ["a"] = "2" },
            new() { ["b"] = "1", ["a"] = "2", ["c"] = "3", ["😀"] = "4", ["！"] = "5" },
        };

        AssertBytes(
            """[{"a":"2","b":"1","c":"3"},{"a":"2","b":"1","c":"3"},{"a":"3","b":"2","c":"1"},{"a":"2","b":"4","c":"3"},"""
            + """{"a":"2","b":"1","d":"3"},{"a":"2","b":"1","d":"3"},{"a":"2","b":"1"},{"a":"2","b":"1","c":"3","！":"5","😀":"4"}]""",
            rows);
    }

    // ---- Escaping ----

    [Theory]
    [InlineData("\"", "\\\"")]
    [InlineData("\\", "\\\\")]
    [InlineData("\n", "\\n")]
    [InlineData("\r", "\\r")]
    [InlineData("\t", "\\t")]
    [InlineData("\b", "\\b")]
    [InlineData("\f", "\\f")]
    [InlineData("\0", "\\u0000")]
    [InlineData("\u0001", "\\u0001")]
    [InlineData("\u000B", "\\u000b")]
    [InlineData("\u001B", "\\u001b")]
    [InlineData("\u001F", "\\u001f")]
    [InlineData("<", "\\u003c")]
    [InlineData(">", "\\u003e")]
    [InlineData("&", "\\u0026")]
    [InlineData("\u2028", "\\u2028")]
    [InlineData("\u2029", "\\u2029")]
    [InlineData("/", "/")]
    [InlineData("'", "'")]
    [InlineData("\u007F", "\u007F")]
    [InlineData("\u0080", "\u0080")]
    [InlineData("\u0085", "\u0085")]
    [InlineData("\u00A0", "\u00A0")]
    [InlineData("\u202A", "\u202A")]
    [InlineData("\uFEFF", "\uFEFF")]
    public void Escaping_MatchesGo_InValuesAndKeys(string character, string expected)
    {
        // Short and long texts, since long ones take a different (vectorized) path on .NET 8 and later.
        foreach (string pad in new[] { "", LongPad })
        {
            var inValue = new List<Dictionary<string, string>> { new() { ["k"] = $"{pad}a{character}b" } };
            var inKey = new List<Dictionary<string, string>> { new() { [$"{pad}a{character}b"] = "v" } };

            AssertBytes($"[{{\"k\":\"{pad}a{expected}b\"}}]", inValue);
            AssertBytes($"[{{\"{pad}a{expected}b\":\"v\"}}]", inKey);
        }
    }

    [Theory]
    [InlineData("\u00E9", "C3A9")]
    [InlineData("\u07FF", "DFBF")]
    [InlineData("\u0800", "E0A080")]
    [InlineData("\uFF01", "EFBC81")]
    [InlineData("\uFFFF", "EFBFBF")]
    [InlineData("\U00010000", "F0908080")]
    [InlineData("\U0001F600", "F09F9880")]
    [InlineData("\U0010FFFF", "F48FBFBF")]
    public void NonAscii_IsWrittenAsRawUtf8(string character, string expectedHex)
    {
        foreach (string pad in new[] { "", LongPad })
        {
            var rows = new List<Dictionary<string, string>> { new() { ["k"] = pad + character } };

            byte[] expected = [.. "[{\"k\":\""u8, .. Encoding.ASCII.GetBytes(pad), .. Convert.FromHexString(expectedHex), .. "\"}]"u8];
            AssertBytes(expected, rows);
        }
    }

    // ---- Lone surrogates ----

    [Theory]
    [InlineData(@"a\uD800b", "a\uFFFDb")]
    [InlineData(@"a\uDC00b", "a\uFFFDb")]
    [InlineData(@"\uD83D", "\uFFFD")]
    [InlineData(@"end\uDBFF", "end\uFFFD")]
    [InlineData(@"\uDFFFstart", "\uFFFDstart")]
    [InlineData(@"\uDE00\uD83D", "\uFFFD\uFFFD")]
    [InlineData(@"\uD83D\uD83D\uDE00", "\uFFFD\U0001F600")]
    [InlineData(@"\uD83D\uDE00\uDE00", "\U0001F600\uFFFD")]
    public void LoneSurrogates_BecomeReplacementCharacter_InValuesAndKeys(string withCodes, string replaced)
    {
        // InlineData cannot carry lone surrogates through attribute metadata, so the test spells them as \uXXXX text.
        string text = Unescape(withCodes);
        string expected = Unescape(replaced);
        Assert.NotEqual(expected, text);

        var inValue = new List<Dictionary<string, string>> { new() { ["k"] = text } };
        var inKey = new List<Dictionary<string, string>> { new() { [text] = "v" } };
        var inLongValue = new List<Dictionary<string, string>> { new() { ["k"] = LongPad + text + LongPad } };

        AssertBytes($"[{{\"k\":\"{expected}\"}}]", inValue);
        AssertBytes($"[{{\"{expected}\":\"v\"}}]", inKey);
        AssertBytes($"[{{\"k\":\"{LongPad}{expected}{LongPad}\"}}]", inLongValue);
        Assert.Equal(
            InventoryContentHash.Compute([new Dictionary<string, string> { ["k"] = expected }]),
            InventoryContentHash.Compute(inValue));
    }

    [Fact]
    public void LoneSurrogates_InKeys_SortAsReplacementCharacter()
    {
        var rows = new List<Dictionary<string, string>>
        {
            new() { ["\U0001F600"] = "4", ["\uFFFE"] = "3", ["\uD800"] = "2", ["\uFFFC"] = "1", ["\uDFFF!"] = "5" },
        };

        AssertBytes("[{\"\uFFFC\":\"1\",\"\uFFFD\":\"2\",\"\uFFFD!\":\"5\",\"\uFFFE\":\"3\",\"\U0001F600\":\"4\"}]", rows);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(40)]
    public void Keys_ThatCollideOnceLoneSurrogatesAreReplaced_AreRejected(int attributeCount)
    {
        var collide = new Dictionary<string, string> { ["name\uD800"] = SecretValue, ["name\uDC00"] = SecretValue };
        for (int i = collide.Count; i < attributeCount; i++)
        {
            collide[$"other{i}"] = "x";
        }

        var rows = new List<Dictionary<string, string>> { new() { ["name"] = "ok" }, collide };

        ArgumentException error = AssertRejected(rows);
        Assert.Contains("Row 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("name\\uD800", error.Message, StringComparison.Ordinal);
        Assert.Contains("name\\uDC00", error.Message, StringComparison.Ordinal);
    }

    // ---- Backspace and form feed: Go 1.22 and later, as current SSM Agent releases are built ----

    [Fact]
    public void Backspace_AndFormFeed_HashAsGo122AndLater_NotAsOlderGo()
    {
        // Written by hand from Go's encoding/json: since Go 1.22 \b and \f, before it \u0008 and \u000c (lower-case hex).
        var rows = new List<Dictionary<string, string>>
        {
            new() { ["Name"] = "line\bone\ftwo" },
            new() { ["a\fb"] = "c\bd" },
        };
        const string Go122 = """[{"Name":"line\bone\ftwo"},{"a\fb":"c\bd"}]""";
        const string BeforeGo122 = """[{"Name":"line\u0008one\u000ctwo"},{"a\u000cb":"c\u0008d"}]""";

        AssertBytes(Go122, rows);
        Assert.Equal("B4pQmfpdQcgUGoab3B0hTA==", InventoryContentHash.Compute(rows));

        // An agent built with an older Go hashes other bytes, so its hash differs: one full resend, nothing worse.
        Assert.Equal(Go122, ReferenceEncoder.Json(rows));
        Assert.Equal(BeforeGo122, ReferenceEncoder.Json(rows, beforeGo122: true));
        Assert.Equal("uD4mDIo36vP/GVNhp3Nl5g==", Md5Base64(Encoding.UTF8.GetBytes(BeforeGo122)));
    }

    // ---- Nulls ----

    [Fact]
    public void NullContent_ThrowsArgumentNullException()
    {
        Assert.Equal("content", Assert.Throws<ArgumentNullException>(() => InventoryContentHash.Compute(null!)).ParamName);
        Assert.Equal("content", Assert.Throws<ArgumentNullException>(() => InventoryContentHash.WriteHashedBytes(null!, Stream.Null)).ParamName);
        Assert.Equal("content", Assert.Throws<ArgumentNullException>(() => InventoryContentHash.GetHashedByteCount(null!)).ParamName);
    }

    [Fact]
    public void NullRow_NamesTheRow()
    {
        var rows = new List<Dictionary<string, string>> { new() { ["Name"] = "x" }, new(), null! };

        ArgumentException error = AssertRejected(rows);
        Assert.Contains("Row 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullValue_NamesTheRowAndAttribute()
    {
        var rows = new List<Dictionary<string, string>> { new() { ["Name"] = "x" }, new() { ["Name"] = "y", ["Owner"] = null! } };

        ArgumentException error = AssertRejected(rows);
        Assert.Contains("Row 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"Owner\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullKey_FromACustomDictionary_NamesTheRow()
    {
        var rows = new List<IReadOnlyDictionary<string, string>> { new PairList([new(null!, "x")]) };

        ArgumentException error = AssertRejected(rows);
        Assert.Contains("Row 0", error.Message, StringComparison.Ordinal);
    }

    // ---- Blocks of 16 characters, against a straightforward reference ----

    [Theory]
    [InlineData(@"""")]
    [InlineData(@"\")]
    [InlineData("<")]
    [InlineData(">")]
    [InlineData("&")]
    [InlineData("\n")]
    [InlineData("\t")]
    [InlineData("\b")]
    [InlineData("\f")]
    [InlineData("\0")]
    [InlineData("\u001F")]
    [InlineData(@"\u0080")]
    [InlineData(@"\u00FF")]
    [InlineData(@"\u0100")]
    [InlineData(@"\u0122")] // its low byte is '"'
    [InlineData(@"\u0141")] // its low byte is 'A'
    [InlineData(@"\u3C20")] // its high byte is '<', its low byte a space
    [InlineData(@"\uFF41")]
    [InlineData(@"\u2028")]
    [InlineData(@"\u2029")]
    [InlineData(@"\uD800")]
    [InlineData(@"\uDC00")]
    [InlineData(@"\uD83D\uDE00")]
    public void OneSpecialCharacter_AtEveryPosition_OfTextsUpTo64Long_MatchesTheReference(string withCodes)
    {
        string special = Unescape(withCodes);
        var rows = new List<Dictionary<string, string>>();
        for (int length = special.Length; length <= 64; length++)
        {
            for (int at = 0; at + special.Length <= length; at++)
            {
                string text = PlainText(at) + special + PlainText(length - at - special.Length);
                rows.Add(new Dictionary<string, string> { ["k"] = text });
                rows.Add(new Dictionary<string, string> { [text] = "v" });
            }
        }

        AssertMatchesReference(rows);
    }

    [Fact]
    public void PlainText_OfEveryLengthUpTo64_IsCopiedAsItIs()
    {
        var rows = new List<Dictionary<string, string>>();
        for (int length = 0; length <= 64; length++)
        {
            rows.Add(new Dictionary<string, string> { ["k"] = PlainText(length) });
            rows.Add(new Dictionary<string, string> { ["k" + PlainText(length)] = "v" });
        }

        AssertMatchesReference(rows);
    }

    [Fact]
    public void TwoSpecialCharacters_AtEveryPairOfPositions_MatchTheReference()
    {
        var rows = new List<Dictionary<string, string>>();
        for (int length = 2; length <= 48; length++)
        {
            for (int first = 0; first < length; first++)
            {
                for (int second = first + 1; second < length; second++)
                {
                    string text = PlainText(first) + "<" + PlainText(second - first - 1) + "\u0141" + PlainText(length - second - 1);
                    rows.Add(new Dictionary<string, string> { ["k"] = text });
                }
            }
        }

        AssertMatchesReference(rows);
    }

    [Fact]
    public void Names_EncodedOnceForRowsWithTheSameNames_MatchTheReference()
    {
        // Names are encoded once and reused while rows have the same names; these change names between rows, and
        // some names are long enough to take more than a buffer, or many times their length once escaped.
        string[] names =
        [
            "", "Name", "a<b>&\"c\\", "caf\u00E9", "\u682A\u5F0F", "\U0001F600", "\uD800x", "x\uDC00", "\u2028",
            new string('n', 5000), string.Concat(Enumerable.Repeat("<\u00E9", 3000)), PlainText(16) + "&" + PlainText(15),
        ];
        var rows = new List<Dictionary<string, string>>();
        for (int r = 0; r < 60; r++)
        {
            var row = new Dictionary<string, string>();
            for (int n = r % 3; n < names.Length; n += 1 + (r / 20))
            {
                row[names[n]] = $"{r}<{n}>";
            }

            rows.Add(row);
            rows.Add(new Dictionary<string, string>(row));
            if (r % 7 == 0)
            {
                rows.Add(new());
            }
        }

        AssertMatchesReference(rows);
    }

    // ---- Streaming over buffer boundaries, against a straightforward reference ----

    [Fact]
    public void EscapesAndMultiByteCharacters_StraddlingTheBuffer_MatchTheReference()
    {
        string[] tails = ["\u2028", "\"", "<", "\u0001", "\b", "\u00E9", "\uFF01", "\U0001F600", "\uD800", "\uDC00"];
        foreach (string tail in tails)
        {
            // [{"k":" is 7 bytes, so these pads put the tail at every position around the first two 4 KB boundaries.
            foreach (int boundary in new[] { 4096, 8192 })
            {
                for (int pad = boundary - 16; pad <= boundary + 2; pad++)
                {
                    var rows = new List<Dictionary<string, string>> { new() { ["k"] = new string('a', pad) + tail + tail + "z" } };
                    AssertMatchesReference(rows);
                }
            }
        }
    }

    [Fact]
    public void LargeContent_MatchesTheReference()
    {
        string[] specials =
        [
            "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\0", "\u001F", "<", ">", "&", "\u2028", "\u2029", "/", "\u007F",
            "\u00E9", "\u0800", "\uFFFF", "\U0001F600", "\U0010FFFF", "\uD800", "\uDFFF",
        ];
        var rows = new List<Dictionary<string, string>>();
        int row = 0;
        long approximateBytes = 0;
        while (approximateBytes < 1_100_000)
        {
            string special = specials[row % specials.Length];
            string value = new string((char)('a' + (row % 26)), 3000 + (row * 37 % 1200)) + special + special
                + string.Concat(Enumerable.Repeat("x" + special, row % 50));
            rows.Add(new Dictionary<string, string>
            {
                ["Index"] = row.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Value"] = value,
                [$"Key{special}"] = special,
            });
            approximateBytes += value.Length;
            row++;
        }

        // One very long value full of escapes, so they fall on many buffer boundaries.
        rows.Add(new Dictionary<string, string> { ["Mixed"] = string.Concat(Enumerable.Repeat("ab\"c<\u00E9\U0001F600\u2028\n\\d\uD800", 20_000)) });

        long size = AssertMatchesReference(rows);
        Assert.True(size > 1024 * 1024, $"only {size} bytes");
    }

    [Fact]
    public void RandomContent_MatchesTheReference()
    {
        var random = new Random(20240601);
        string[] pieces =
        [
            "a", "Z", "0", " ", "-", "_", ".", ":", "'", "/", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\0", "\u0001", "\u000B", "\u000E",
            "\u001B", "\u001F", "<", ">", "&", "\u007F", "\u0080", "\u00E9", "\u07FF", "\u0800", "\u2028", "\u2029", "\u2027",
            "\u202A", "\uE000", "\uFEFF", "\uFF01", "\uFFFD", "\uFFFF", "\U00010000", "\U0001F600", "\U0010FFFF",
            "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "plain ascii text ",
        ];

        string RandomText(int maxPieces)
        {
            var text = new StringBuilder();
            int count = random.Next(maxPieces + 1);
            for (int i = 0; i < count; i++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            return text.ToString();
        }

        var rows = new List<Dictionary<string, string>>();
        for (int r = 0; r < 400; r++)
        {
            var row = new Dictionary<string, string>();
            var seen = new HashSet<string>();
            int attributes = random.Next(20) == 0 ? random.Next(33, 70) : random.Next(0, 9);
            for (int a = 0; a < attributes; a++)
            {
                string key = RandomText(6);
                if (key.Length == 0 || !seen.Add(ReferenceEncoder.ReplaceLoneSurrogates(key)))
                {
                    continue;
                }

                string value = random.Next(10) == 0 ? RandomText(2000) : RandomText(12);
                row[key] = value;
            }

            rows.Add(row);
        }

        AssertMatchesReference(rows);
    }

    // ---- Helpers ----

    private static string Md5Base64(byte[] bytes) => Convert.ToBase64String(MD5.HashData(bytes));

    private static void AssertBytes(string expectedJson, IReadOnlyList<IReadOnlyDictionary<string, string>> rows) =>
        AssertBytes(Encoding.UTF8.GetBytes(expectedJson), rows);

    private static void AssertBytes(byte[] expected, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        using var stream = new MemoryStream();
        long written = InventoryContentHash.WriteHashedBytes(rows, stream);
        byte[] actual = stream.ToArray();

        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(actual));
        Assert.Equal(actual.Length, written);
        Assert.Equal(actual.Length, InventoryContentHash.GetHashedByteCount(rows));
        Assert.Equal(Md5Base64(expected), InventoryContentHash.Compute(rows));
    }

    private static long AssertMatchesReference(IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        byte[] expected = Encoding.UTF8.GetBytes(ReferenceEncoder.Json(rows));

        using var stream = new MemoryStream();
        InventoryContentHash.WriteHashedBytes(rows, stream);
        byte[] actual = stream.ToArray();
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            int at = expected.AsSpan().CommonPrefixLength(actual);
            Assert.Fail($"Bytes differ at offset {at} of {expected.Length} (actual {actual.Length}): expected "
                + Convert.ToHexString(expected.AsSpan(at, Math.Min(16, expected.Length - at)))
                + ", actual " + Convert.ToHexString(actual.AsSpan(at, Math.Min(16, actual.Length - at))));
        }

        Assert.Equal(expected.Length, InventoryContentHash.GetHashedByteCount(rows));
        Assert.Equal(Md5Base64(expected), InventoryContentHash.Compute(rows));
        return expected.Length;
    }

    private static ArgumentException AssertRejected(IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => InventoryContentHash.Compute(rows));
        Assert.Equal("content", error.ParamName);
        Assert.Throws<ArgumentException>(() => InventoryContentHash.WriteHashedBytes(rows, Stream.Null));
        Assert.Throws<ArgumentException>(() => InventoryContentHash.GetHashedByteCount(rows));
        return error;
    }

    /// <summary>Turns the six-character text \uXXXX into that UTF-16 code unit.</summary>
    private static string Unescape(string text) => System.Text.RegularExpressions.Regex.Replace(
        text,
        @"\\u([0-9A-Fa-f]{4})",
        m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());

    /// <summary>Plain ASCII text, with the characters just inside the plain range and those next to the escaped ones.</summary>
    private static string PlainText(int length)
    {
        const string Plain = " !#%'()*+,-./09:;=?@AZ[]^_`az{|}~\u007F";
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            text.Append(Plain[i % Plain.Length]);
        }

        return text.ToString();
    }
}

/// <summary>Finds the SSM Agent vectors: the shared reference beside the repository, else the copy checked into this project.</summary>
internal static class ContentHashVectors
{
    private static readonly string[] s_sharedPath = ["shared", "reference", "vectors", "content-hash.json"];

    public static JsonDocument Load()
    {
        string path = FindShared() ?? FindCheckedIn()
            ?? throw new FileNotFoundException("content-hash.json found neither in shared/reference/vectors nor in tests/SsmInventory.Tests/Vectors above " + AppContext.BaseDirectory);
        return JsonDocument.Parse(File.ReadAllText(path));
    }

    public static string? FindShared() =>
        FindUpward(dir => Path.Combine([dir, .. s_sharedPath]));

    public static string? FindCheckedIn() =>
        FindUpward(dir => Path.Combine(dir, "Vectors", "content-hash.json"), requireProjectFile: true)
        ?? FindUpward(dir => Path.Combine(dir, "tests", "SsmInventory.Tests", "Vectors", "content-hash.json"));

    public static List<Dictionary<string, string>> ToRows(JsonElement content)
    {
        var rows = new List<Dictionary<string, string>>();
        if (content.ValueKind == JsonValueKind.Object)
        {
            rows.Add(ToRow(content));
        }
        else
        {
            foreach (JsonElement row in content.EnumerateArray())
            {
                rows.Add(ToRow(row));
            }
        }

        return rows;
    }

    private static Dictionary<string, string> ToRow(JsonElement row)
    {
        var attributes = new Dictionary<string, string>();
        foreach (JsonProperty property in row.EnumerateObject())
        {
            attributes.Add(property.Name, property.Value.GetString()!);
        }

        return attributes;
    }

    private static string? FindUpward(Func<string, string> candidate, bool requireProjectFile = false)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (requireProjectFile && !File.Exists(Path.Combine(dir.FullName, "SsmInventory.Tests.csproj")))
            {
                continue;
            }

            string path = candidate(dir.FullName);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
