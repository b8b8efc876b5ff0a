using System.Collections.Generic;
using System.Linq;
using Guardrails.Diagnostics;

namespace Guardrails.Slo;

/// <summary>
/// The GR3xxx diagnostics for SLO files. IDs are never reused; each has <c>docs/rules/&lt;Id&gt;.md</c>.
/// GR3001–GR3008: the file as text and YAML. GR3009–GR3024: the formats (OpenSLO v1, Sloth prometheus/v1),
/// as their reference validators check them. GR3025 and up: what Guardrails adds (references across files,
/// team policy, the mapping to Prometheus, what the rule generator needs).
/// </summary>
public static class SloRules
{
    public static readonly Rule YamlSyntax = new("GR3001", "SLO file is not valid YAML");

    public static readonly Rule UnreadableFile = new("GR3002", "SLO file cannot be read as UTF-8 text");

    public static readonly Rule FileTooLarge = new("GR3003", "SLO file is too large");

    public static readonly Rule EmptyFile = new("GR3004", "SLO file contains no documents");

    public static readonly Rule DuplicateKey = new("GR3005", "Key appears twice in one mapping");

    public static readonly Rule NestingTooDeep = new("GR3006", "YAML nesting is too deep");

    public static readonly Rule AliasExpansionTooLarge = new("GR3007", "YAML aliases expand to too many nodes");

    public static readonly Rule UnknownDocument = new("GR3008", "Document is neither OpenSLO v1 nor Sloth prometheus/v1");

    public static readonly Rule UnknownField = new("GR3009", "Field is not part of the format");

    public static readonly Rule MissingField = new("GR3010", "Required field is missing");

    public static readonly Rule WrongValueType = new("GR3011", "Value has the wrong type");

    public static readonly Rule InvalidName = new("GR3012", "Name is not valid");

    public static readonly Rule InvalidDuration = new("GR3013", "Duration is not valid");

    public static readonly Rule InvalidObjective = new("GR3014", "Objective target is out of range");

    public static readonly Rule TextTooLong = new("GR3015", "Text is too long");

    public static readonly Rule InvalidBudgeting = new("GR3016", "Budgeting method and timeslice fields do not match");

    public static readonly Rule InvalidIndicatorMetric = new("GR3017", "Indicator metric is not valid");

    public static readonly Rule InvalidTimeWindow = new("GR3018", "Time window is not valid");

    public static readonly Rule InvalidAlertCondition = new("GR3019", "Alert condition is not valid");

    public static readonly Rule InvalidValue = new("GR3020", "Value is not one of the allowed values");

    public static readonly Rule ConflictingFields = new("GR3021", "Exactly one of two fields must be set");

    public static readonly Rule QueryWithoutWindow = new("GR3022", "Sloth query has no {{.window}} placeholder");

    public static readonly Rule MissingAlertName = new("GR3023", "Sloth alerting has no name");

    public static readonly Rule DuplicateName = new("GR3024", "Name is declared twice");

    public static readonly Rule UnresolvedReference = new("GR3025", "Reference names an object that does not exist");

    public static readonly Rule MissingRequiredCategory = new("GR3026", "Service lacks an SLO of a required category");

    public static readonly Rule MissingCategory = new("GR3027", "SLO does not say what it measures");

    public static readonly Rule MissingRunbook = new("GR3028", "SLO or alert names no runbook");

    public static readonly Rule NotMappedToPrometheus = new("GR3029", "SLO cannot be turned into Prometheus rules", Severity.Warning);

    public static readonly Rule ObjectiveWithoutBudget = new("GR3030", "Objective leaves no error budget to alert on");

    public static readonly Rule TimeWindowTooShort = new("GR3031", "Time window is too short for burn-rate alerts");

    public static readonly Rule RuleGroupCollision = new("GR3032", "Two SLOs have the same Sloth id");

    public static readonly Rule ObjectiveLooksLikeRatio = new("GR3033", "Sloth objective looks like a ratio, not a percentage", Severity.Warning);

    public static readonly Rule QueryMixesRanges = new("GR3034", "Query mixes a literal range with {{.window}}", Severity.Warning);

    public static readonly Rule UnbalancedQuery = new("GR3035", "Query brackets do not pair up");

    public static readonly Rule DuplicateAlert = new("GR3036", "Two SLOs of one service raise the same alert");

    public static readonly Rule NoSloFiles = new("GR3037", "No SLO files where Guardrails looked");

    /// <summary>
    /// The rules that keep the Prometheus rule generator safe: what they find cannot become rules, so no severity
    /// override turns them off or makes them less than an error.
    /// </summary>
    public static IReadOnlyList<Rule> Protected { get; } = [ObjectiveWithoutBudget, TimeWindowTooShort, RuleGroupCollision, DuplicateAlert];

    /// <summary>Whether <paramref name="rule"/> is one of the <see cref="Protected"/> rules.</summary>
    public static bool IsProtected(Rule rule) => Protected.Any(candidate => candidate.Id == rule.Id);
}
