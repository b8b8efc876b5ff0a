namespace Guardrails.Analyzers;

/// <summary>
/// Every diagnostic ID the analyzers report. IDs are never reused; a retired rule keeps its number.
/// GR1xxx: retries done by hand. GR2xxx: waits without a bound.
/// </summary>
internal static class RuleIdentifiers
{
    private const string DocsRoot = "https://github.com/guardrails-dotnet/guardrails/blob/main/docs/rules/";

    public static string GetHelpUri(string id) => DocsRoot + id + ".md";
}
