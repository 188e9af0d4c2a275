using System.Globalization;
using Spectre.Console;
using SsmInventory.Aws.Fleet;

namespace SsmInventory.Sample;

/// <summary>
/// Shows a fleet publish's progress on stderr: a live bar when stderr is a terminal, otherwise one line every few
/// seconds, for a log.
/// </summary>
/// <param name="nodes">The nodes the file gives; the publish may add nodes an earlier run left in the spool.</param>
internal sealed class FleetProgressDisplay(int nodes) : IProgress<FleetProgress>
{
    private static readonly TimeSpan s_lineInterval = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan s_barInterval = TimeSpan.FromMilliseconds(200);

    private readonly object _gate = new();
    private FleetProgress _latest = new();

    /// <inheritdoc />
    public void Report(FleetProgress value)
    {
        lock (_gate)
        {
            // The publisher's workers report concurrently, so a snapshot can arrive after a later one.
            if (value.Nodes >= _latest.Nodes)
            {
                _latest = value;
            }
        }
    }

    /// <summary>Runs <paramref name="publish"/> with this as its progress, showing it until the publish ends.</summary>
    public async Task<T> ShowAsync<T>(Func<IProgress<FleetProgress>, Task<T>> publish)
    {
        Task<T> running = publish(this);
        if (Console.IsErrorRedirected)
        {
            while (await Task.WhenAny(running, Task.Delay(s_lineInterval)) != running)
            {
                Console.Error.WriteLine($"Progress: {Describe(Latest())}.");
            }
        }
        else
        {
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    ProgressTask bar = context.AddTask(Markup.Escape(Describe(Latest())), maxValue: Math.Max(nodes, 1));
                    while (await Task.WhenAny(running, Task.Delay(s_barInterval)) != running)
                    {
                        Update(bar);
                    }

                    Update(bar);
                });
        }

        return await running;
    }

    private FleetProgress Latest()
    {
        lock (_gate)
        {
            return _latest;
        }
    }

    private void Update(ProgressTask bar)
    {
        FleetProgress progress = Latest();
        bar.MaxValue = Math.Max(bar.MaxValue, progress.Nodes);
        bar.Value = progress.Nodes;
        bar.Description = Markup.Escape(Describe(progress));
    }

    private string Describe(FleetProgress progress) => string.Create(
        CultureInfo.InvariantCulture,
        $"{progress.Nodes}/{Math.Max(nodes, progress.Nodes)} nodes, {progress.Requests} requests, {progress.Throttled} throttled, {progress.RequestsPerSecond:F1} requests/s");
}
