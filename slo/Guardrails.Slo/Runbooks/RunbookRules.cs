using Guardrails.Diagnostics;

namespace Guardrails.Slo.Runbooks;

/// <summary>The GR4xxx diagnostics: runbooks that are missing, incomplete, unowned, or linked wrongly.</summary>
public static class RunbookRules
{
    public static readonly Rule RunbookNotFound =
        new("GR4001", "A runbook link points to a file that does not exist");

    public static readonly Rule RunbookAnchorNotFound =
        new("GR4002", "A runbook link points to a section that does not exist");

    public static readonly Rule RequiredSectionMissing =
        new("GR4003", "A runbook lacks a required section");

    public static readonly Rule SectionEmpty =
        new("GR4004", "A runbook section has no content");

    public static readonly Rule OwnerMissing =
        new("GR4005", "A runbook names no owner");

    public static readonly Rule FrontMatterInvalid =
        new("GR4006", "A runbook's front matter is not valid YAML");

    public static readonly Rule RunbookUnreadable =
        new("GR4007", "A runbook file cannot be read as Markdown text");

    public static readonly Rule LinkNotRepositoryRelative =
        new("GR4008", "A runbook link is neither a URL nor a path inside the repository");
}
