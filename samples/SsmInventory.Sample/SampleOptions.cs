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

    /// <summary>Read and check a fleet CSV file, and show what publishing it would send; nothing is sent.</summary>
    FleetCheck,

    /// <summary>Publish a fleet CSV file's rows for all its nodes.</summary>
    FleetPublish,
}

/// <summary>The parsed and validated command line (see <see cref="SampleCommand"/>).</summary>
/// <param name="Mode">What to do with the items.</param>
/// <param name="InstanceId">The managed node given with <c>--instance-id</c>, or null.</param>
/// <param name="Output">The folder given with <c>--output</c>, or null.</param>
/// <param name="EndpointUrl">The SSM endpoint given with <c>--endpoint-url</c>, or null.</param>
/// <param name="Fleet">The CSV file given with <c>--fleet</c>, or null.</param>
/// <param name="State">The fleet state folder given with <c>--state</c>, or null.</param>
internal sealed record SampleOptions(SampleMode Mode, string? InstanceId, string? Output, Uri? EndpointUrl, FileInfo? Fleet, string? State)
{
    /// <summary>Shaped like an EC2 instance id, so the files and the request are valid, but it names no real node.</summary>
    public const string PlaceholderInstanceId = "i-0123456789abcdef0";

    /// <summary>The folder files are written to without <c>--output</c>, relative to the current directory.</summary>
    public const string DefaultOutput = "ssm-inventory-output";
}
