using Spectre.Console;

namespace SsmInventory.Sample;

/// <summary>
/// Results on stdout with Spectre.Console: on a terminal, tables with borders and colours; when stdout is redirected,
/// plain text with one line per row and columns two spaces apart, easy to read with grep or awk.
/// </summary>
internal static class StandardOutput
{
    // Wide enough that no cell of a redirected table wraps onto a second line; Spectre.Console assumes 80 columns.
    private const int RedirectedWidth = 1 << 16;

    /// <summary>A console on stdout; Spectre.Console turns colours off itself when stdout is not a terminal.</summary>
    public static IAnsiConsole Create()
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    /// <summary>A table with these columns, bordered on a terminal and borderless when stdout is redirected.</summary>
    public static Table Table(params TableColumn[] columns)
    {
        var table = new Table();
        table.AddColumns(columns);
        if (Console.IsOutputRedirected)
        {
            table.Border(TableBorder.None);
            foreach (TableColumn column in columns.SkipLast(1))
            {
                column.Padding(0, 0, 2, 0);
            }

            columns[^1].Padding(0, 0, 0, 0);
        }

        return table;
    }
}
