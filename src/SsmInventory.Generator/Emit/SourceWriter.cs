using System.Text;

namespace SsmInventory.Generator.Emit;

/// <summary>A StringBuilder with an indentation level; lines end in '\n' on every platform so output is deterministic.</summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;
    private readonly StringBuilder _text = new();
    private int _indent;

    public void Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * IndentSize).Append(line);
        }

        _text.Append('\n');
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace, then indents until the returned scope is disposed.</summary>
    public Scope Block(string header, string closing = "}")
    {
        Line(header);
        Line("{");
        _indent++;
        return new Scope(this, closing);
    }

    public override string ToString() => _text.ToString();

    internal readonly struct Scope : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly string _closing;

        public Scope(SourceWriter writer, string closing)
        {
            _writer = writer;
            _closing = closing;
        }

        public void Dispose()
        {
            _writer._indent--;
            _writer.Line(_closing);
        }
    }
}
