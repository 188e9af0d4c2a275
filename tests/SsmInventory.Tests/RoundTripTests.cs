using System.Globalization;
using System.Net;
using SsmInventory.Metadata;
using SsmInventory.Tests.Types;

namespace SsmInventory.Tests;

/// <summary>Compile-and-run tests: the generator ran over Types/AnnotatedTypes.cs when this project was built.</summary>
public sealed class RoundTripTests
{
    private static readonly DateTime s_utcSecond = new(2026, 11, 27, 13, 45, 7, DateTimeKind.Utc);

#if NETSTANDARD_BUILD // The .NET 6+ properties of AllValues and Nullables (Int128, UInt128, DateOnly, TimeOnly) are left out.
    private const int AllValuesAttributeCount = 25;
    private const int NullablesAttributeCount = 15;
#else
    private const int AllValuesAttributeCount = 29;
    private const int NullablesAttributeCount = 17;
#endif

    public static AllValues FullAllValues() => new()
    {
        Text = "héllo \"world\" \n\t/\\ 😀",
        Letter = 'ß',
        Flag = true,
        SByteValue = sbyte.MinValue,
        ByteValue = byte.MaxValue,
        Int16Value = short.MinValue,
        UInt16Value = ushort.MaxValue,
        Int32Value = int.MinValue,
        UInt32Value = uint.MaxValue,
        Int64Value = long.MinValue,
        UInt64Value = ulong.MaxValue,
        NativeInt = nint.MinValue,
        NativeUInt = nuint.MaxValue,
#if !NETSTANDARD_BUILD // DateOnly, TimeOnly and Int128 are .NET 6+ types, which the netstandard2.0 build cannot convert.
        Int128Value = Int128.MinValue,
        UInt128Value = UInt128.MaxValue,
#endif
        SingleValue = 0.1f,
        DoubleValue = 0.1 + 0.2,
        DecimalValue = 1234567.8900m,
        When = s_utcSecond,
        WhenOffset = new DateTimeOffset(s_utcSecond),
#if !NETSTANDARD_BUILD // DateOnly, TimeOnly and Int128 are .NET 6+ types, which the netstandard2.0 build cannot convert.
        Day = new DateOnly(2024, 2, 29),
        TimeOfDay = new TimeOnly(23, 59, 59).Add(TimeSpan.FromTicks(1234567)),
#endif
        Duration = new TimeSpan(3, 4, 5, 6, 789).Add(TimeSpan.FromTicks(1)),
        Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        Link = new Uri("https://example.com/a?b=c#d"),
        AppVersion = new Version(1, 2, 3, 4),
        Access = Permissions.Read | Permissions.Execute,
        Level = Tier.Gold,
        Sign = Balance.Negative,
    };

    [Fact]
    public void AllValues_are_written_in_invariant_form()
    {
        Dictionary<string, string> row = AllValuesInventory.TypeInfo.WriteRow(FullAllValues());

        Assert.Equal("héllo \"world\" \n\t/\\ 😀", row["Text"]);
        Assert.Equal("ß", row["Letter"]);
        Assert.Equal("true", row["Flag"]);
        Assert.Equal("-128", row["SByteValue"]);
        Assert.Equal("18446744073709551615", row["UInt64Value"]);
#if !NETSTANDARD_BUILD // DateOnly, TimeOnly and Int128 are .NET 6+ types, which the netstandard2.0 build cannot convert.
        Assert.Equal("-170141183460469231731687303715884105728", row["Int128Value"]);
#endif
        Assert.Equal("0.1", row["SingleValue"]);
        Assert.Equal("0.30000000000000004", row["DoubleValue"]);
        Assert.Equal("1234567.8900", row["DecimalValue"]);
        Assert.Equal("2026-11-27T13:45:07Z", row["When"]);
        Assert.Equal("2026-11-27T13:45:07Z", row["WhenOffset"]);
#if !NETSTANDARD_BUILD // DateOnly, TimeOnly and Int128 are .NET 6+ types, which the netstandard2.0 build cannot convert.
        Assert.Equal("2024-02-29", row["Day"]);
        Assert.Equal("23:59:59.1234567", row["TimeOfDay"]);
#endif
        Assert.Equal("3.04:05:06.7890001", row["Duration"]);
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", row["Id"]);
        Assert.Equal("https://example.com/a?b=c#d", row["Link"]);
        Assert.Equal("1.2.3.4", row["AppVersion"]);
        Assert.Equal("Read, Execute", row["Access"]);
        Assert.Equal("Gold", row["Level"]);
        Assert.Equal("Negative", row["Sign"]);
        Assert.Equal(AllValuesAttributeCount, row.Count);
    }

    [Fact]
    public void AllValues_round_trip()
    {
        AllValues original = FullAllValues();
        AllValues copy = AllValuesInventory.TypeInfo.ReadRow(AllValuesInventory.TypeInfo.WriteRow(original));
        AssertAllValuesEqual(original, copy);
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    public void Output_does_not_depend_on_the_current_culture(string culture)
    {
        Dictionary<string, string> invariant = AllValuesInventory.TypeInfo.WriteRow(FullAllValues());
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo savedUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Dictionary<string, string> local = AllValuesInventory.TypeInfo.WriteRow(FullAllValues());
            Assert.Equal(invariant, local);
            AssertAllValuesEqual(FullAllValues(), AllValuesInventory.TypeInfo.ReadRow(local));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
        }
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    [InlineData(-0.0, "-0")]
    [InlineData(double.Epsilon, "5E-324")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    [InlineData(123456789012345680.0, "1.2345678901234568E+17")]
    public void Doubles_use_the_shortest_round_trip_form(double value, string expected)
    {
        var row = AllValuesInventory.TypeInfo.WriteRow(new AllValues { DoubleValue = value });
        Assert.Equal(expected, row["DoubleValue"]);
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(AllValuesInventory.TypeInfo.ReadRow(row).DoubleValue));
    }

    [Fact]
    public void Random_doubles_and_floats_round_trip_bit_for_bit()
    {
        var random = new Random(20261127);
        for (int i = 0; i < 2000; i++)
        {
            double d = BitConverter.Int64BitsToDouble(random.NextInt64());
            float f = BitConverter.Int32BitsToSingle(random.Next() ^ (random.Next() << 1));
            var copy = AllValuesInventory.TypeInfo.ReadRow(AllValuesInventory.TypeInfo.WriteRow(new AllValues { DoubleValue = d, SingleValue = f }));
            if (!double.IsNaN(d))
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(d), BitConverter.DoubleToInt64Bits(copy.DoubleValue));
            }

            if (!float.IsNaN(f))
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(f), BitConverter.SingleToInt32Bits(copy.SingleValue));
            }
        }
    }

    [Fact]
    public void Default_dates_are_utc_to_the_second_and_lose_fractions_and_offsets()
    {
        var local = new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Local);
        var offset = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(5.5));
        var row = AllValuesInventory.TypeInfo.WriteRow(new AllValues { When = local, WhenOffset = offset });

        Assert.Equal(local.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + "Z", row["When"]);
        Assert.Equal("2026-01-01T21:34:05Z", row["WhenOffset"]);

        AllValues copy = AllValuesInventory.TypeInfo.ReadRow(row);
        Assert.Equal(DateTimeKind.Utc, copy.When.Kind);
        Assert.Equal(TimeSpan.Zero, copy.WhenOffset.Offset);
        Assert.Equal(offset.AddTicks(-offset.Ticks % TimeSpan.TicksPerSecond), copy.WhenOffset);
    }

    [Fact]
    public void Unspecified_dates_are_taken_as_utc()
    {
        var row = AllValuesInventory.TypeInfo.WriteRow(new AllValues { When = new DateTime(2026, 5, 6, 7, 8, 9, DateTimeKind.Unspecified) });
        Assert.Equal("2026-05-06T07:08:09Z", row["When"]);
    }

    [Theory]
    [InlineData("2026-05-06T07:08:09.5Z", 500)]
    [InlineData("2026-05-06T09:08:09+02:00", 0)]
    [InlineData("2026-05-06T07:08:09.123+00:00", 123)]
    public void Reading_dates_accepts_iso_8601_with_fractions_and_offsets(string text, int milliseconds)
    {
        AllValues copy = AllValuesInventory.TypeInfo.ReadRow(new Dictionary<string, string> { ["When"] = text, ["WhenOffset"] = text });
        var expected = new DateTime(2026, 5, 6, 7, 8, 9, milliseconds, DateTimeKind.Utc);
        Assert.Equal(expected, copy.When);
        Assert.Equal(DateTimeKind.Utc, copy.When.Kind);
        Assert.Equal(new DateTimeOffset(expected), copy.WhenOffset);
    }

    [Fact]
    public void Chosen_formats_keep_full_precision_and_round_trip()
    {
        var original = new Formatted
        {
            Precise = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Local).AddTicks(1234567),
            PreciseOffset = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(-7)).AddTicks(89),
#if !NETSTANDARD_BUILD // DateOnly, TimeOnly and Int128 are .NET 6+ types, which the netstandard2.0 build cannot convert.
            CompactDay = new DateOnly(2026, 3, 4),
            Minutes = new TimeOnly(17, 30),
#endif
            General = new TimeSpan(1, 2, 3, 4, 5),
            MaybePrecise = null,
        };

        var row = FormattedInventory.TypeInfo.WriteRow(original);
#if !NETSTANDARD_BUILD // DateOnly, TimeOnly and Int128 are .NET 6+ types, which the netstandard2.0 build cannot convert.
        Assert.Equal("20260304", row["CompactDay"]);
        Assert.Equal("17:30", row["Minutes"]);
#endif
        Assert.Equal("2026-03-04T05:06:07.0000089-07:00", row["PreciseOffset"]);
        Assert.False(row.ContainsKey("MaybePrecise"));

        Formatted copy = FormattedInventory.TypeInfo.ReadRow(row);
        Assert.Equal(original.Precise, copy.Precise);
        Assert.Equal(original.Precise.Kind, copy.Precise.Kind);
        Assert.Equal(original.PreciseOffset, copy.PreciseOffset);
        Assert.Equal(original.PreciseOffset.Offset, copy.PreciseOffset.Offset);
#if !NETSTANDARD_BUILD // DateOnly, TimeOnly and Int128 are .NET 6+ types, which the netstandard2.0 build cannot convert.
        Assert.Equal(original.CompactDay, copy.CompactDay);
        Assert.Equal(original.Minutes, copy.Minutes);
#endif
        Assert.Equal(original.General, copy.General);
        Assert.Null(copy.MaybePrecise);
    }

    [Fact]
    public void Nulls_omit_attributes_and_absent_attributes_read_back_as_null()
    {
        var empty = new Nullables();
        Dictionary<string, string> row = NullablesInventory.TypeInfo.WriteRow(empty);
        Assert.Empty(row);

        Nullables copy = NullablesInventory.TypeInfo.ReadRow(row);
        Assert.Equivalent(empty, copy, strict: true);
    }

    [Fact]
    public void Nullable_values_round_trip_when_set()
    {
        var full = new Nullables
        {
            Text = "",
            Letter = 'x',
            Flag = false,
            Count = 0,
            Big = ulong.MaxValue,
            Ratio = -1.5,
            Price = 0.10m,
            When = s_utcSecond,
            WhenOffset = new DateTimeOffset(s_utcSecond),
#if !NETSTANDARD_BUILD // DateOnly, TimeOnly and Int128 are .NET 6+ types, which the netstandard2.0 build cannot convert.
            Day = DateOnly.MinValue,
            TimeOfDay = TimeOnly.MinValue,
#endif
            Duration = TimeSpan.MinValue,
            Id = Guid.Empty,
            Link = new Uri("relative/path", UriKind.Relative),
            AppVersion = new Version(0, 0),
            Access = Permissions.None,
            Level = Tier.Silver,
        };

        Dictionary<string, string> row = NullablesInventory.TypeInfo.WriteRow(full);
        Assert.Equal(NullablesAttributeCount, row.Count);
        Assert.Equal("", row["Text"]);
        Assert.Equal("None", row["Access"]);
        Assert.Equal("Silver", row["Level"]);
        Assert.Equal("0.10", row["Price"]);
        Assert.Equivalent(full, NullablesInventory.TypeInfo.ReadRow(row), strict: true);
    }

    [Fact]
    public void Empty_string_stays_an_empty_string()
    {
        var row = NullablesInventory.TypeInfo.WriteRow(new Nullables { Text = "" });
        Assert.Equal("", row["Text"]);
        Assert.Equal("", NullablesInventory.TypeInfo.ReadRow(row).Text);
    }

    [Fact]
    public void Absent_non_nullable_value_types_read_back_as_default()
    {
        AllValues copy = AllValuesInventory.TypeInfo.ReadRow(new Dictionary<string, string>());
        Assert.Equal(0, copy.Int32Value);
        Assert.Equal(default, copy.When);
        Assert.Equal(Permissions.None, copy.Access);
        Assert.Null(copy.Text);
    }

    [Theory]
    [InlineData(Permissions.None, "None")]
    [InlineData(Permissions.Read | Permissions.Write, "ReadWrite")]
    [InlineData(Permissions.Read | Permissions.Write | Permissions.Execute, "ReadWrite, Execute")]
    [InlineData((Permissions)8, "8")]
    [InlineData((Permissions)(-1), "-1")]
    public void Flags_are_written_like_enum_ToString_and_read_back(Permissions value, string expected)
    {
        Assert.Equal(value.ToString(), expected);
        var row = AllValuesInventory.TypeInfo.WriteRow(new AllValues { Access = value });
        Assert.Equal(expected, row["Access"]);
        Assert.Equal(value, AllValuesInventory.TypeInfo.ReadRow(row).Access);
    }

    [Theory]
    [InlineData("Read, Write", Permissions.Read | Permissions.Write)]
    [InlineData("Execute,Read", Permissions.Read | Permissions.Execute)]
    [InlineData("1, 4", Permissions.Read | Permissions.Execute)]
    public void Flags_read_names_and_numbers_in_any_order(string text, Permissions expected) =>
        Assert.Equal(expected, AllValuesInventory.TypeInfo.ReadRow(new Dictionary<string, string> { ["Access"] = text }).Access);

    [Fact]
    public void Enums_write_the_first_declared_name_for_an_alias_and_read_every_name()
    {
        Assert.Equal("Silver", AllValuesInventory.TypeInfo.WriteRow(new AllValues { Level = Tier.Default })["Level"]);
        Assert.Equal(Tier.Silver, AllValuesInventory.TypeInfo.ReadRow(new Dictionary<string, string> { ["Level"] = "Default" }).Level);
        Assert.Equal("200", AllValuesInventory.TypeInfo.WriteRow(new AllValues { Level = (Tier)200 })["Level"]);
        Assert.Equal((Tier)200, AllValuesInventory.TypeInfo.ReadRow(new Dictionary<string, string> { ["Level"] = "200" }).Level);
    }

    [Fact]
    public void Positional_records_round_trip_through_their_constructor()
    {
        var certificate = new Certificate("CN=web01.example.com", "A1B2C3", s_utcSecond, 2048) { FriendlyName = "Web" };
        Dictionary<string, string> row = CertificateInventory.TypeInfo.WriteRow(certificate);
        Assert.Equal(["Subject", "Thumbprint", "NotAfter", "KeySize", "FriendlyName"], row.Keys);
        Assert.Equal(certificate, CertificateInventory.TypeInfo.ReadRow(row));
    }

    [Fact]
    public void An_ignored_positional_parameter_reads_back_as_its_default()
    {
        var session = new Session("alice", new object(), 22);
        Dictionary<string, string> row = SessionInventory.TypeInfo.WriteRow(session);
        Assert.Equal(["User", "Port"], row.Keys);
        Assert.Equal(new Session("alice", null, 22), SessionInventory.TypeInfo.ReadRow(row));
    }

    [Fact]
    public void Record_structs_and_structs_round_trip()
    {
        var rack = new RackLocation("us-east-2", "R12", 7);
        Assert.Equal(rack, RackInventory(rack));
        var point = new Point { X = -3, Y = 4 };
        Assert.Equal(point, PointInventory.TypeInfo.ReadRow(PointInventory.TypeInfo.WriteRow(point)));

        static RackLocation RackInventory(RackLocation value) => RackLocationInventory.TypeInfo.ReadRow(RackLocationInventory.TypeInfo.WriteRow(value));
    }

    [Fact]
    public void Base_class_properties_come_first_and_overrides_appear_once()
    {
        var machine = new Machine { Hostname = "db01", Owner = "platform", Cores = 16 };
        Dictionary<string, string> row = MachineInventory.TypeInfo.WriteRow(machine);
        Assert.Equal(["Hostname", "Role", "Owner", "Cores"], row.Keys);
        Assert.Equal(["Hostname", "Role", "Owner", "Cores"], MachineInventory.TypeInfo.Attributes.Select(a => a.Name));
        Assert.Equivalent(machine, MachineInventory.TypeInfo.ReadRow(row), strict: true);
    }

    [Fact]
    public void Renames_ignores_and_escaped_names_round_trip()
    {
        var renamed = new Renamed { Name = "n", Odd = "o", NotSerialized = new object() };
        Dictionary<string, string> row = RenamedInventory.TypeInfo.WriteRow(renamed);
        Assert.Equal(["Display Name", "quote\" back\\slash\nnew line é 😀", "Computed"], row.Keys);
        Assert.Equal("1", row["Computed"]);
        Renamed copy = RenamedInventory.TypeInfo.ReadRow(row);
        Assert.Equal("n", copy.Name);
        Assert.Equal("o", copy.Odd);
        Assert.Null(copy.NotSerialized);
    }

    [Fact]
    public void Converters_write_and_read_values_and_nulls()
    {
        var invoice = new Invoice { Total = new Money(12.50m, "EUR"), Server = IPAddress.Parse("10.0.0.1") };
        Dictionary<string, string> row = InvoiceInventory.TypeInfo.WriteRow(invoice);
        Assert.Equal(new Dictionary<string, string> { ["Total"] = "12.50 EUR", ["Server"] = "10.0.0.1" }, row);

        Invoice copy = InvoiceInventory.TypeInfo.ReadRow(row);
        Assert.Equal(invoice.Total, copy.Total);
        Assert.Null(copy.Discount);
        Assert.Equal(invoice.Server, copy.Server);
        Assert.Null(copy.Backup);

        invoice = new Invoice { Total = new Money(0m, "USD"), Discount = new Money(1m, "USD"), Server = IPAddress.IPv6Loopback, Backup = IPAddress.Any };
        copy = InvoiceInventory.TypeInfo.ReadRow(InvoiceInventory.TypeInfo.WriteRow(invoice));
        Assert.Equal(invoice.Total, copy.Total);
        Assert.Equal(invoice.Discount, copy.Discount);
        Assert.Equal(invoice.Server, copy.Server);
        Assert.Equal(invoice.Backup, copy.Backup);
    }

    [Fact]
    public void Attribute_metadata_reports_names_and_data_types()
    {
        InventoryTypeInfo<AllValues> info = AllValuesInventory.TypeInfo;
        Assert.Equal("Custom:AllValues", info.TypeName);
        Assert.Equal("2.1", info.SchemaVersion);
        Assert.Equal(typeof(AllValues), info.Type);
        Dictionary<string, string> types = info.Attributes.ToDictionary(a => a.Name, a => a.DataTypeName);
        Assert.Equal("string", types["Text"]);
        Assert.Equal("string", types["Flag"]);
        Assert.Equal("number", types["Int32Value"]);
#if !NETSTANDARD_BUILD // DateOnly, TimeOnly and Int128 are .NET 6+ types, which the netstandard2.0 build cannot convert.
        Assert.Equal("number", types["UInt128Value"]);
#endif
        Assert.Equal("number", types["DecimalValue"]);
        Assert.Equal("string", types["When"]);
        Assert.Equal("string", types["Access"]);
        Assert.Equal(AllValuesAttributeCount, info.Attributes.Count);
    }

    [Fact]
    public void Other_shapes_generate_usable_metadata()
    {
        Assert.Equal("Custom:Nested", Outer_NestedInventory.TypeInfo.TypeName);
        Assert.Equal("Custom:Global", GlobalNamespaceTypeInventory.TypeInfo.TypeName);
        Assert.Equal("Custom:Internal", InternalTypeInventory.TypeInfo.TypeName);
        Assert.Equal("Custom:Unïcödé", ÜnïcödéInventory.TypeInfo.TypeName);
        Assert.Equal(["Größe"], ÜnïcödéInventory.TypeInfo.Attributes.Select(a => a.Name));
        Assert.Equal(["event", "int"], classInventory.TypeInfo.Attributes.Select(a => a.Name));
        var keywords = classInventory.TypeInfo.ReadRow(new Dictionary<string, string> { ["event"] = "e", ["int"] = "5" });
        Assert.Equal("e", keywords.@event);
        Assert.Equal(5, keywords.@int);
    }

    [Fact]
    public void InventoryConstructor_chooses_among_several_constructors()
    {
        Chosen copy = ChosenInventory.TypeInfo.ReadRow(ChosenInventory.TypeInfo.WriteRow(new Chosen("a", 3)));
        Assert.Equal("a", copy.Name);
        Assert.Equal(3, copy.Size);
    }

    [Fact]
    public void Required_members_are_set_even_without_SetsRequiredMembers()
    {
        RequiredMembers copy = RequiredInventory();
        Assert.Equal("k", copy.Key);

        static RequiredMembers RequiredInventory() =>
            RequiredMembersInventory.TypeInfo.ReadRow(new Dictionary<string, string> { ["Key"] = "k" });
    }

    [Fact]
    public void A_type_without_a_usable_constructor_writes_but_reading_explains_why_not()
    {
        Assert.Equal(new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" }, UnreadableInventory.TypeInfo.WriteRow(new Unreadable(1, 2)));
        var error = Assert.Throws<NotSupportedException>(() => UnreadableInventory.TypeInfo.ReadRow(new Dictionary<string, string>()));
        Assert.Contains("[InventoryConstructor]", error.Message);
        Assert.Contains("Custom:Unreadable", error.Message);
    }

    [Fact]
    public void Content_helpers_write_and_read_lists_in_order()
    {
        var racks = new[] { new RackLocation("a", "1", 1), new RackLocation("b", "2", 2), new RackLocation("c", "3", 3) };
        List<Dictionary<string, string>> content = RackLocationInventory.TypeInfo.WriteContent(racks);
        Assert.Equal(3, content.Count);
        Assert.Equal(racks, RackLocationInventory.TypeInfo.ReadContent(content));
        Assert.Empty(RackLocationInventory.TypeInfo.ReadContent(null));
        Assert.Empty(RackLocationInventory.TypeInfo.WriteContent([]));
    }

    [Fact]
    public void Null_elements_and_rows_are_rejected_with_their_index()
    {
        var error = Assert.Throws<ArgumentException>(() => CertificateInventory.TypeInfo.WriteContent([new Certificate("a", "b", s_utcSecond, 1), null!]));
        Assert.Contains("Element 1", error.Message);
        Assert.Throws<ArgumentNullException>(() => CertificateInventory.TypeInfo.WriteRow(null!));

        var readError = Assert.Throws<InventoryReadException>(() => PointInventory.TypeInfo.ReadContent([new Dictionary<string, string>(), null!]));
        Assert.Equal(1, readError.RowIndex);
    }

    internal static void AssertAllValuesEqual(AllValues expected, AllValues actual) =>
        Assert.Equivalent(expected, actual, strict: true);
}
