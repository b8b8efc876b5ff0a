using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Guardrails.Pipelines.Model;

/// <summary>
/// One input of the canary templates: a kebab-case input in GitHub Actions, a camelCase parameter in
/// Azure Pipelines, and the environment variable through which scripts read it (never spliced into them).
/// <see cref="GateOption"/> names the <c>guardrails gate</c> option an input is passed to, if any.
/// </summary>
public sealed record TemplateInput(
    string Name,
    TemplateInputType Type,
    string Description,
    string? Default,
    CiSystem Systems = CiSystem.Both,
    IReadOnlyList<string>? Choices = null,
    string? GateOption = null)
{
    /// <summary>An input without a default must be given by the caller.</summary>
    public bool Required => Default is null;

    /// <summary>GUARDRAILS_ and the name in upper snake case (<c>guardrails-version</c> is GUARDRAILS_VERSION).</summary>
    public string EnvironmentVariable =>
        "GUARDRAILS_" + (Name.StartsWith("guardrails-", System.StringComparison.Ordinal) ? Name["guardrails-".Length..] : Name)
            .ToUpperInvariant().Replace('-', '_');

    public string AzureName
    {
        get
        {
            var words = Name.Split('-');
            return words[0] + string.Concat(words.Skip(1).Select(word => char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..]));
        }
    }

    public string NameIn(CiSystem system) => system == CiSystem.AzurePipelines ? AzureName : Name;

    public bool AppliesTo(CiSystem system) => (Systems & system) == system;
}
