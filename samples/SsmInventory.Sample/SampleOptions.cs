using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace SsmInventory.Sample;

/// <summary>What the sample does with the items it collects.</summary>
internal enum SampleMode
{
    /// <summary>Write SSM Agent custom inventory files to a local folder (the default).</summary>
    Files,

    /// <summary>Print the PutInventory request; nothing is written or sent.</summary>
    DryRun,

    /// <summary>Send the items with PutInventory.</summary>
    Publish,
}

/// <summary>The parsed command line.</summary>
/// <param name="Mode">What to do with the items.</param>
/// <param name="InstanceId">The managed node given with <c>--instance-id</c>, or null.</param>
/// <param name="Output">The folder given with <c>--output</c>, or null.</param>
/// <param name="EndpointUrl">The SSM endpoint given with <c>--endpoint-url</c>, or null.</param>
/// <param name="ShowHelp">True for <c>--help</c>.</param>
internal sealed partial record SampleOptions(SampleMode Mode, string? InstanceId, string? Output, Uri? EndpointUrl, bool ShowHelp)
{
    /// <summary>Shaped like an EC2 instance id, so the files and the request are valid, but it names no real node.</summary>
    public const string PlaceholderInstanceId = "i-0123456789abcdef0";

    /// <summary>The folder files are written to without <c>--output</c>, relative to the current directory.</summary>
    public const string DefaultOutput = "ssm-inventory-output";

    public const string Usage =
        """
        Collects facts about this machine (installed .NET runtimes, trusted root certificates, listening TCP ports,
        the operating system) into AWS Systems Manager custom inventory types, and a made-up rack location.

        Usage: SsmInventory.Sample [--output <folder>] [--instance-id <id>]
               SsmInventory.Sample --dry-run [--instance-id <id>]
               SsmInventory.Sample --publish [--instance-id <id>] [--endpoint-url <url>]

          (no mode)             Write SSM Agent custom inventory files to <folder> and print a summary. No AWS call
                                is made. The SSM Agent uploads such files on its next inventory run when they are in
                                its folder for the node (see the README).
          --output <folder>     Where the files go (default: ./ssm-inventory-output).
          --dry-run             Print the PutInventory request as JSON; nothing is written or sent.
          --publish             Send the items with PutInventory, with the AWS SDK's standard credential and Region
                                chain (environment, profile, instance role), and print a summary.
          --endpoint-url <url>  With --publish: an SSM-compatible endpoint to call instead of AWS. Its signing
                                Region is AWS_REGION, else us-east-1.
          --instance-id <id>    The managed node to report for: i- followed by 8 or 17 characters, or mi- followed
                                by 17. Default: with --publish, this node's id (from the SSM Agent's registration or
                                EC2 instance metadata); otherwise the placeholder i-0123456789abcdef0.
          -h, --help            Show this help.

        Exit codes: 0 done; 1 an item failed; 2 a usage or validation error; 3 no AWS credentials, Region or
        managed node id.

        """;

    public static bool TryParse(
        IReadOnlyList<string> args,
        [NotNullWhen(true)] out SampleOptions? options,
        [NotNullWhen(false)] out string? error)
    {
        options = null;
        string? instanceId = null;
        string? output = null;
        Uri? endpointUrl = null;
        bool dryRun = false;
        bool publish = false;
        bool showHelp = false;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    showHelp = true;
                    break;
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--publish":
                    publish = true;
                    break;
                case "--instance-id" or "--output" or "--endpoint-url" when i + 1 == args.Count:
                    error = $"{args[i]} needs a value.";
                    return false;
                case "--instance-id":
                    instanceId = args[++i];
                    if (!InstanceIdPattern().IsMatch(instanceId))
                    {
                        error = $"'{instanceId}' is not a managed node id: expected i- followed by 8 or 17 letters, digits or underscores, or mi- followed by 17.";
                        return false;
                    }

                    break;
                case "--output":
                    output = args[++i];
                    if (output.Length == 0)
                    {
                        error = "--output needs a folder.";
                        return false;
                    }

                    break;
                case "--endpoint-url":
                    string url = args[++i];
                    if (!Uri.TryCreate(url, UriKind.Absolute, out endpointUrl) || (endpointUrl.Scheme != Uri.UriSchemeHttp && endpointUrl.Scheme != Uri.UriSchemeHttps))
                    {
                        error = $"'{url}' is not an http or https URL.";
                        return false;
                    }

                    break;
                default:
                    error = args[i].StartsWith('-') ? $"unknown option '{args[i]}'." : $"unexpected argument '{args[i]}'.";
                    return false;
            }
        }

        error = (dryRun, publish, output, endpointUrl) switch
        {
            (true, true, _, _) => "--dry-run and --publish cannot be combined: --dry-run sends nothing.",
            (_, false, _, not null) => "--endpoint-url only applies with --publish.",
            (true, _, not null, _) or (_, true, not null, _) => "--output only applies when writing files (without --dry-run or --publish).",
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        SampleMode mode = publish ? SampleMode.Publish : dryRun ? SampleMode.DryRun : SampleMode.Files;
        options = new SampleOptions(mode, instanceId, output, endpointUrl, showHelp);
        return true;
    }

    // The service model's InstanceId pattern, (^i-(\w{8}|\w{17})$)|(^mi-\w{17}$), where \w has ECMAScript's ASCII-only
    // meaning. \z rather than $, because .NET's $ also matches before a final newline, which the service rejects.
    [GeneratedRegex(@"^(?:i-(?:[A-Za-z0-9_]{8}|[A-Za-z0-9_]{17})|mi-[A-Za-z0-9_]{17})\z")]
    private static partial Regex InstanceIdPattern();
}
