namespace Guardrails.Diagnostics;

/// <summary>
/// A diagnostic the build, the CLI or the gate can report (GR3xxx SLO files, GR4xxx runbooks,
/// GR5xxx pipeline and gate configuration). Declared once as a static field, documented in
/// <c>docs/rules/&lt;Id&gt;.md</c>; a documentation test finds every instance by reflection.
/// </summary>
public sealed class Rule
{
    private const string DocsRoot = "https://github.com/guardrails-dotnet/guardrails/blob/main/docs/rules/";

    public Rule(string id, string title, Severity defaultSeverity = Severity.Error)
    {
        Id = id;
        Title = title;
        DefaultSeverity = defaultSeverity;
    }

    public string Id { get; }

    public string Title { get; }

    public Severity DefaultSeverity { get; }

    public string HelpLink => DocsRoot + Id + ".md";

    public override string ToString() => Id;
}
