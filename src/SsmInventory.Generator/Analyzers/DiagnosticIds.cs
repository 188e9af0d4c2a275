namespace SsmInventory.Generator.Analyzers;

/// <summary>The stable diagnostic IDs, shared with the code fixes. Never renumber a shipped ID.</summary>
internal static class DiagnosticIds
{
    public const string TypeNameMissingCustomPrefix = "SSMINV001";
    public const string TypeNameReservedAwsPrefix = "SSMINV002";
    public const string TypeNameNotCapitalized = "SSMINV003";
    public const string TypeNameLength = "SSMINV004";
    public const string TypeNameControlCharacter = "SSMINV005";
    public const string InvalidSchemaVersion = "SSMINV006";
    public const string DuplicateTypeName = "SSMINV007";
    public const string TooManyCustomTypes = "SSMINV008";
    public const string UnsupportedTypeShape = "SSMINV009";
    public const string InaccessibleType = "SSMINV010";
    public const string NotReadable = "SSMINV011";
    public const string LanguageVersionTooLow = "SSMINV012";
    public const string ArgumentNotConstant = "SSMINV013";
    public const string TooManyAttributes = "SSMINV020";
    public const string InvalidAttributeName = "SSMINV021";
    public const string DuplicateAttributeName = "SSMINV022";
    public const string UnsupportedPropertyType = "SSMINV023";
    public const string InvalidConverter = "SSMINV024";
    public const string FormatNotApplicable = "SSMINV025";
    public const string FormatWithConverter = "SSMINV026";
    public const string IgnoredPropertyHasAttributes = "SSMINV027";
    public const string InvalidFormat = "SSMINV028";
    public const string ValueCanExceedLimit = "SSMINV030";
    public const string ItemCanExceedSize = "SSMINV031";
    public const string MaxRowsOverLimit = "SSMINV032";
    public const string UnboundedString = "SSMINV033";
    public const string SchemaChangedWithoutVersionBump = "SSMINV040";
    public const string MissingSchemaLock = "SSMINV041";
    public const string OutdatedSchemaLock = "SSMINV042";
    public const string InvalidSchemaLock = "SSMINV043";

    /// <summary>Diagnostic property carrying the replacement a code fix applies.</summary>
    public const string SuggestionProperty = "Suggestion";
}
