using Microsoft.CodeAnalysis;

namespace SsmInventory.Generator.Analyzers;

/// <summary>Every diagnostic the analyzers report. Each help link opens the rule's page in the repository.</summary>
internal static class Descriptors
{
    public const string Category = "SsmInventory";
    public const string HelpLinkBase = "https://github.com/ssminventory/ssminventory/blob/main/src/SsmInventory.Generator/Analyzers/Rules/";

    public static readonly DiagnosticDescriptor TypeNameMissingCustomPrefix = Error(
        DiagnosticIds.TypeNameMissingCustomPrefix,
        "TypeName must start with 'Custom:'",
        "TypeName \"{0}\" does not start with 'Custom:' (case-sensitive); custom inventory types must use that prefix");

    public static readonly DiagnosticDescriptor TypeNameReservedAwsPrefix = Error(
        DiagnosticIds.TypeNameReservedAwsPrefix,
        "TypeName uses the reserved 'AWS:' prefix",
        "TypeName \"{0}\" uses the 'AWS:' prefix, which is reserved for the built-in inventory types; use 'Custom:'");

    public static readonly DiagnosticDescriptor TypeNameNotCapitalized = Create(
        DiagnosticIds.TypeNameNotCapitalized,
        "TypeName is not capitalised after 'Custom:'",
        "TypeName \"{0}\" should start with a capital letter after 'Custom:', as the Systems Manager guide requires",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TypeNameLength = Error(
        DiagnosticIds.TypeNameLength,
        "TypeName is empty or too long",
        "TypeName is {0} UTF-8 bytes long; it must be 1 to {1} bytes");

    public static readonly DiagnosticDescriptor TypeNameControlCharacter = Error(
        DiagnosticIds.TypeNameControlCharacter,
        "TypeName contains a control character",
        "TypeName contains the control character U+{0}; remove it");

    public static readonly DiagnosticDescriptor InvalidSchemaVersion = Error(
        DiagnosticIds.InvalidSchemaVersion,
        "SchemaVersion is not 'major.minor'",
        "SchemaVersion \"{0}\" must be two numbers of 1 to 6 digits separated by a dot, such as \"1.0\"");

    public static readonly DiagnosticDescriptor DuplicateTypeName = Create(
        DiagnosticIds.DuplicateTypeName,
        "The same TypeName is used by two types",
        "TypeName \"{0}\" is also used by '{1}'; each inventory type needs its own TypeName, or their rows overwrite each other",
        DiagnosticSeverity.Error,
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor TooManyCustomTypes = Create(
        DiagnosticIds.TooManyCustomTypes,
        "More custom inventory types than an account can hold",
        "This is custom inventory type number {0} in the compilation; an AWS account and Region holds at most {1} custom types (CustomSchemaCountLimitExceededException)",
        DiagnosticSeverity.Warning,
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UnsupportedTypeShape = Error(
        DiagnosticIds.UnsupportedTypeShape,
        "This kind of type cannot be an inventory type",
        "'{0}' {1}; [InventoryType] needs a non-generic, non-static class, record, struct or record struct");

    public static readonly DiagnosticDescriptor InaccessibleType = Error(
        DiagnosticIds.InaccessibleType,
        "The inventory type is not accessible from its namespace",
        "'{0}' is private or protected, so the generated code in its namespace cannot use it; make it public or internal");

    public static readonly DiagnosticDescriptor NotReadable = Create(
        DiagnosticIds.NotReadable,
        "Rows cannot be read back into this type",
        "Rows of '{0}' can be written but not read back: {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Error(
        DiagnosticIds.LanguageVersionTooLow,
        "C# 9 or later is required",
        "The SsmInventory generator needs C# 9 or later, and this project uses C# {0}; set <LangVersion> to 9.0 or later");

    public static readonly DiagnosticDescriptor ArgumentNotConstant = Error(
        DiagnosticIds.ArgumentNotConstant,
        "Attribute argument must be a constant string",
        "The {0} argument of [{1}] must be a non-null constant");

    public static readonly DiagnosticDescriptor TooManyAttributes = Error(
        DiagnosticIds.TooManyAttributes,
        "More attributes than a custom type can have",
        "'{0}' is attribute number {1} of this type; a custom inventory type has at most {2} attributes; ignore or remove properties");

    public static readonly DiagnosticDescriptor InvalidAttributeName = Error(
        DiagnosticIds.InvalidAttributeName,
        "Invalid attribute name",
        "Attribute name \"{0}\" {1}");

    public static readonly DiagnosticDescriptor DuplicateAttributeName = Error(
        DiagnosticIds.DuplicateAttributeName,
        "Attribute names must differ by more than case",
        "Attribute name \"{0}\" is also used by property '{1}' (ignoring case); SSM attribute names are case-insensitive, rename one");

    public static readonly DiagnosticDescriptor UnsupportedPropertyType = Error(
        DiagnosticIds.UnsupportedPropertyType,
        "Property type has no inventory conversion",
        "Property '{0}' has type '{1}', which has no built-in conversion; add [InventoryConverter], or [InventoryIgnore] to leave it out");

    public static readonly DiagnosticDescriptor InvalidConverter = Error(
        DiagnosticIds.InvalidConverter,
        "Invalid converter type",
        "'{0}' cannot convert property '{1}': a converter must be a non-abstract, non-generic class deriving from InventoryConverter<{2}> with a public parameterless constructor");

    public static readonly DiagnosticDescriptor FormatNotApplicable = Error(
        DiagnosticIds.FormatNotApplicable,
        "[InventoryFormat] does not apply to this type",
        "[InventoryFormat] applies to DateTime, DateTimeOffset, DateOnly, TimeOnly and TimeSpan properties, not to '{0}'");

    public static readonly DiagnosticDescriptor FormatWithConverter = Error(
        DiagnosticIds.FormatWithConverter,
        "[InventoryFormat] and [InventoryConverter] together",
        "Property '{0}' has both [InventoryFormat] and [InventoryConverter]; the converter decides the format, so remove one");

    public static readonly DiagnosticDescriptor IgnoredPropertyHasAttributes = Create(
        DiagnosticIds.IgnoredPropertyHasAttributes,
        "An ignored property has other inventory attributes",
        "Property '{0}' has [InventoryIgnore], so [{1}] has no effect; remove one of them",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidFormat = Error(
        DiagnosticIds.InvalidFormat,
        "The format cannot round-trip",
        "Format \"{0}\" does not read back what it writes for a {1}: {2}");

    public static readonly DiagnosticDescriptor ValueCanExceedLimit = Create(
        DiagnosticIds.ValueCanExceedLimit,
        "A value can exceed the attribute value limit",
        "Property '{0}' can be up to {1} UTF-8 bytes; an attribute value is at most {2} bytes, so lower its [MaxLength]/[StringLength]",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ItemCanExceedSize = Create(
        DiagnosticIds.ItemCanExceedSize,
        "The item can exceed the size limit",
        "{0} rows of up to {1} bytes make an item of up to {2} bytes; one custom type's item must stay under {3} bytes, so lower MaxRows or bound the values",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MaxRowsOverLimit = Error(
        DiagnosticIds.MaxRowsOverLimit,
        "MaxRows is outside the row limit",
        "MaxRows is {0}; it must be 1 to {1}, the most rows an item holds (or 0 to declare no bound)");

    public static readonly DiagnosticDescriptor UnboundedString = new(
        DiagnosticIds.UnboundedString,
        "String property has no length bound",
        "Property '{0}' has no [MaxLength] or [StringLength], so its size cannot be checked at build time; values over {1} UTF-8 bytes are rejected when published",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: false,
        helpLinkUri: HelpLinkBase + DiagnosticIds.UnboundedString + ".md");

    public static readonly DiagnosticDescriptor SchemaChangedWithoutVersionBump = Error(
        DiagnosticIds.SchemaChangedWithoutVersionBump,
        "Attributes changed without a new SchemaVersion",
        "The attributes of {0} differ from {1} ({2}), but SchemaVersion is still \"{3}\"; readers of the data break on silent schema changes, so bump the SchemaVersion or update the lock");

    public static readonly DiagnosticDescriptor MissingSchemaLock = Create(
        DiagnosticIds.MissingSchemaLock,
        "The inventory type has no schema lock",
        "{0} has no schema lock; create {1} to catch attribute changes that keep the same SchemaVersion",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor OutdatedSchemaLock = Create(
        DiagnosticIds.OutdatedSchemaLock,
        "The schema lock records another SchemaVersion",
        "{0} records SchemaVersion \"{1}\", and the type declares \"{2}\"; update the lock to record the new schema",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor InvalidSchemaLock = Create(
        DiagnosticIds.InvalidSchemaLock,
        "The schema lock file cannot be read",
        "Schema lock {0} cannot be read: {1}",
        DiagnosticSeverity.Warning,
        WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        Create(id, title, message, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, params string[] customTags) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md", customTags: customTags);
}
