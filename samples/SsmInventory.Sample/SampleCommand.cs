using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace SsmInventory.Sample;

/// <summary>
/// The sample's command line, with System.CommandLine: the options, their validation, the help, and the action that
/// runs a mode with the validated <see cref="SampleOptions"/>.
/// </summary>
internal sealed partial class SampleCommand : RootCommand
{
    private const string About =
        "Collects facts about this machine (installed .NET runtimes, trusted root certificates, listening TCP ports, the "
        + "operating system) into AWS Systems Manager custom inventory types, and a made-up rack location. By default it "
        + "writes SSM Agent custom inventory files and prints a summary; no AWS call is made. The SSM Agent uploads such "
        + "files on its next inventory run when they are in its folder for the node (see the README). With --fleet, it "
        + "instead reports Custom:ServerMetadata rows for many managed nodes from a CSV file.";

    private readonly Option<string> _output = new("--output")
    {
        HelpName = "folder",
        Description = $"Where the files go (default: ./{SampleOptions.DefaultOutput}).",
    };

    private readonly Option<bool> _dryRun = new("--dry-run")
    {
        Arity = ArgumentArity.Zero,
        Description = "Print the PutInventory request as JSON; nothing is written or sent.",
    };

    private readonly Option<bool> _publish = new("--publish")
    {
        Arity = ArgumentArity.Zero,
        Description = "Send the items with PutInventory, with the AWS SDK's standard credential and Region chain "
            + "(environment, profile, instance role), and print a summary.",
    };

    private readonly Option<Uri> _endpointUrl = new("--endpoint-url")
    {
        HelpName = "url",
        Description = "With --publish: an SSM-compatible endpoint to call instead of AWS. Its signing Region is "
            + "AWS_REGION, else us-east-1.",
        CustomParser = ParseHttpUrl,
    };

    private readonly Option<string> _instanceId = new("--instance-id")
    {
        HelpName = "id",
        Description = "The managed node to report for: i- followed by 8 or 17 characters, or mi- followed by 17. "
            + "Default: with --publish, this node's id (from the SSM Agent's registration or EC2 instance metadata); "
            + $"otherwise the placeholder {SampleOptions.PlaceholderInstanceId}.",
    };

    private readonly Option<FileInfo> _fleet = new("--fleet")
    {
        HelpName = "csv",
        Description = "Report Custom:ServerMetadata for many nodes from a CSV file: a header row with InstanceId, Owner, "
            + "CostCenter, Environment and Application, then one row per row of inventory. Alone, it checks every row and "
            + "shows what would be sent; with --publish, it sends.",
    };

    private readonly Option<string> _state = new("--state")
    {
        HelpName = "folder",
        Description = "With --fleet --publish: where the accepted hashes, the spool and the daily quota are kept (default: "
            + "SsmInventory/fleet in the local application data folder).",
    };

    /// <summary>Creates the command; <paramref name="run"/> runs a mode and returns the exit code.</summary>
    public SampleCommand(Func<SampleOptions, CancellationToken, Task<int>> run)
        : base(About)
    {
        Options.Add(_output);
        Options.Add(_dryRun);
        Options.Add(_publish);
        Options.Add(_endpointUrl);
        Options.Add(_instanceId);
        Options.Add(_fleet);
        Options.Add(_state);

        // The sample has no version of its own to show.
        Options.Remove(Options.OfType<VersionOption>().Single());
        HelpOption help = Options.OfType<HelpOption>().Single();
        var helpAction = (HelpAction)help.Action!;
        if (Console.IsOutputRedirected)
        {
            // System.CommandLine wraps help at the terminal's width, and not at all without a terminal.
            helpAction.MaxWidth = 120;
        }

        help.Action = new HelpWithModesAndExitCodes(helpAction);

        RequireFolder(_output);
        RequireFolder(_state);
        _fleet.AcceptExistingOnly();
        _instanceId.Validators.Add(result =>
        {
            string? instanceId = result.GetValueOrDefault<string>();
            if (instanceId is not null && !InstanceIdPattern().IsMatch(instanceId))
            {
                result.AddError($"'{instanceId}' is not a managed node id: expected i- followed by 8 or 17 letters, digits or underscores, or mi- followed by 17.");
            }
        });
        Validators.Add(ValidateCombination);
        SetAction((parseResult, cancellationToken) => run(ToOptions(parseResult), cancellationToken));
    }

    private static void RequireFolder(Option<string> option) => option.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<string>() is { Length: 0 })
        {
            result.AddError($"{option.Name} needs a folder.");
        }
    });

    // By presence rather than value: a value in error has its own message, and reading it would throw.
    private void ValidateCombination(CommandResult command)
    {
        bool fleet = Given(_fleet), dryRun = Given(_dryRun), publish = Given(_publish), output = Given(_output);
        string? error =
            dryRun && publish ? "--dry-run and --publish cannot be combined: --dry-run sends nothing."
            : fleet && dryRun ? "--fleet and --dry-run cannot be combined: --fleet without --publish already sends nothing."
            : fleet && output ? "--output does not apply to --fleet, which writes no files."
            : fleet && Given(_instanceId) ? "--instance-id does not apply to --fleet: each row names its node in the InstanceId column."
            : Given(_state) && !(fleet && publish) ? "--state only applies with --fleet and --publish."
            : Given(_endpointUrl) && !publish ? "--endpoint-url only applies with --publish."
            : output && (dryRun || publish) ? "--output only applies when writing files (without --dry-run or --publish)."
            : null;
        if (error is not null)
        {
            command.AddError(error);
        }

        bool Given(Option option) => command.GetResult(option) is not null;
    }

    private SampleOptions ToOptions(ParseResult parseResult)
    {
        bool publish = parseResult.GetValue(_publish);
        FileInfo? fleet = parseResult.GetValue(_fleet);
        SampleMode mode = fleet is not null
            ? publish ? SampleMode.FleetPublish : SampleMode.FleetCheck
            : publish ? SampleMode.Publish : parseResult.GetValue(_dryRun) ? SampleMode.DryRun : SampleMode.Files;
        return new SampleOptions(
            mode, parseResult.GetValue(_instanceId), parseResult.GetValue(_output), parseResult.GetValue(_endpointUrl), fleet, parseResult.GetValue(_state));
    }

    private static Uri? ParseHttpUrl(ArgumentResult result)
    {
        string url = result.Tokens[0].Value;
        if (Uri.TryCreate(url, UriKind.Absolute, out Uri? endpointUrl) && (endpointUrl.Scheme == Uri.UriSchemeHttp || endpointUrl.Scheme == Uri.UriSchemeHttps))
        {
            return endpointUrl;
        }

        result.AddError($"'{url}' is not an http or https URL.");
        return null;
    }

    // The service model's InstanceId pattern, (^i-(\w{8}|\w{17})$)|(^mi-\w{17}$), where \w has ECMAScript's ASCII-only
    // meaning. \z rather than $, because .NET's $ also matches before a final newline, which the service rejects.
    [GeneratedRegex(@"^(?:i-(?:[A-Za-z0-9_]{8}|[A-Za-z0-9_]{17})|mi-[A-Za-z0-9_]{17})\z")]
    private static partial Regex InstanceIdPattern();

    /// <summary>
    /// System.CommandLine's help, followed by the option combinations of each mode and the exit codes, which its
    /// generated sections cannot show.
    /// </summary>
    private sealed class HelpWithModesAndExitCodes(SynchronousCommandLineAction help) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            int exitCode = help.Invoke(parseResult);
            TextWriter output = parseResult.InvocationConfiguration.Output;
            output.Write(
                $"""
                Modes:
                  {ExecutableName} [--output <folder>] [--instance-id <id>]
                  {ExecutableName} --dry-run [--instance-id <id>]
                  {ExecutableName} --publish [--instance-id <id>] [--endpoint-url <url>]
                  {ExecutableName} --fleet <csv>
                  {ExecutableName} --fleet <csv> --publish [--state <folder>] [--endpoint-url <url>]

                Exit codes:
                  0  Done; no item failed.
                  1  An item failed; with --fleet, also a bad row or a cancelled publish.
                  2  A usage or validation error; with --fleet, a header that lacks a column.
                  3  No AWS credentials, Region or managed node id; with --fleet, a state folder in use.


                """);
            return exitCode;
        }
    }
}
