using System.Text;

namespace SsmInventory;

/// <summary>A row could not be read into an instance: names the type, the row index, the attribute and the value.</summary>
public sealed class InventoryReadException : FormatException
{
    private const int MaxQuotedValueLength = 120;

    internal InventoryReadException(string typeName, Type type, int rowIndex, string? attributeName, string? value, string reason, Exception? innerException = null)
        : base(BuildMessage(typeName, type, rowIndex, attributeName, value, reason), innerException)
    {
        TypeName = typeName;
        Type = type;
        RowIndex = rowIndex;
        AttributeName = attributeName;
        Value = value;
    }

    /// <summary>The SSM TypeName.</summary>
    public string TypeName { get; }

    /// <summary>The .NET type the row was read into.</summary>
    public Type Type { get; }

    /// <summary>The row's index in its Content.</summary>
    public int RowIndex { get; }

    /// <summary>The attribute, or null when the row itself is at fault.</summary>
    public string? AttributeName { get; }

    /// <summary>The attribute's value, or null when it is absent.</summary>
    public string? Value { get; }

    private static string BuildMessage(string typeName, Type type, int rowIndex, string? attributeName, string? value, string reason)
    {
        var message = new StringBuilder()
            .Append("Cannot read row ").Append(rowIndex).Append(" of ").Append(typeName)
            .Append(" into ").Append(type.FullName);
        if (attributeName is not null)
        {
            message.Append(": attribute '").Append(attributeName).Append('\'');
            if (value is not null)
            {
                message.Append(" has the value ").Append(MessageText.Quote(value, MaxQuotedValueLength)).Append(", but");
            }
            else
            {
                message.Append(':');
            }
        }
        else
        {
            message.Append(':');
        }

        return message.Append(' ').Append(reason).Append('.').ToString();
    }
}
