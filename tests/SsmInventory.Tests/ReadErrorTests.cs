using SsmInventory.Tests.Types;

namespace SsmInventory.Tests;

public sealed class ReadErrorTests
{
    [Fact]
    public void A_malformed_value_names_type_row_attribute_and_value()
    {
        var rows = new List<Dictionary<string, string>>
        {
            new() { ["Int32Value"] = "1" },
            new() { ["Int32Value"] = "12x" },
        };

        var error = Assert.Throws<InventoryReadException>(() => AllValuesInventory.TypeInfo.ReadContent(rows));

        Assert.Equal("Custom:AllValues", error.TypeName);
        Assert.Equal(typeof(AllValues), error.Type);
        Assert.Equal(1, error.RowIndex);
        Assert.Equal("Int32Value", error.AttributeName);
        Assert.Equal("12x", error.Value);
        Assert.Equal(
            "Cannot read row 1 of Custom:AllValues into SsmInventory.Tests.Types.AllValues: attribute 'Int32Value' has the value \"12x\", but it is not an integer within the range of Int32.",
            error.Message);
    }

    [Theory]
    [InlineData("ByteValue", "256")]
    [InlineData("SByteValue", "-129")]
    [InlineData("UInt64Value", "-1")]
    [InlineData("Int32Value", " 1")]
    [InlineData("Int32Value", "1,000")]
    [InlineData("DoubleValue", "1,5")]
    [InlineData("DecimalValue", "abc")]
    [InlineData("Flag", "yes")]
    [InlineData("Letter", "ab")]
    [InlineData("Letter", "")]
    [InlineData("When", "27/11/2026")]
    [InlineData("When", "2026-11-27 13:45:07")]
#if !NETSTANDARD_BUILD // DateOnly, TimeOnly and Int128 are .NET 6+ types, which the netstandard2.0 build cannot convert.
    [InlineData("Day", "2026-02-30")]
    [InlineData("TimeOfDay", "25:00:00")]
#endif
    [InlineData("Duration", "1 hour")]
    [InlineData("Id", "not-a-guid")]
    [InlineData("AppVersion", "1")]
    [InlineData("Access", "Read, Delete")]
    [InlineData("Level", "Platinum")]
    [InlineData("Sign", "")]
    public void Every_kind_rejects_what_it_cannot_read(string attribute, string value)
    {
        var error = Assert.Throws<InventoryReadException>(() =>
            AllValuesInventory.TypeInfo.ReadRow(new Dictionary<string, string> { [attribute] = value }, rowIndex: 4));
        Assert.Equal(attribute, error.AttributeName);
        Assert.Equal(value, error.Value);
        Assert.Equal(4, error.RowIndex);
    }

    [Fact]
    public void A_missing_non_nullable_reference_is_an_error()
    {
        var error = Assert.Throws<InventoryReadException>(() =>
            CertificateInventory.TypeInfo.ReadRow(new Dictionary<string, string> { ["Subject"] = "CN=x" }));
        Assert.Equal("Thumbprint", error.AttributeName);
        Assert.Null(error.Value);
        Assert.Contains("has no such attribute", error.Message);
    }

    [Fact]
    public void A_converter_failure_is_wrapped_with_its_cause()
    {
        var error = Assert.Throws<InventoryReadException>(() =>
            InvoiceInventory.TypeInfo.ReadRow(new Dictionary<string, string> { ["Total"] = "12.50EUR", ["Server"] = "10.0.0.1" }));
        Assert.Equal("Total", error.AttributeName);
        Assert.IsType<FormatException>(error.InnerException);
        Assert.Contains("MoneyConverter", error.Message);
    }

    [Fact]
    public void Long_values_and_control_characters_are_shortened_and_made_visible_in_the_message()
    {
        string value = "\u0001\"" + new string('9', 500);
        var error = Assert.Throws<InventoryReadException>(() =>
            AllValuesInventory.TypeInfo.ReadRow(new Dictionary<string, string> { ["Int32Value"] = value }));
        Assert.Contains("\"\\u0001\\u0022999", error.Message);
        Assert.Contains("(502 characters)", error.Message);
        Assert.DoesNotContain(new string('9', 200), error.Message);
        Assert.Equal(value, error.Value);
    }
}
