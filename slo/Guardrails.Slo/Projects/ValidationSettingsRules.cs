using Guardrails.Diagnostics;

namespace Guardrails.Slo.Projects;

/// <summary>Problems with a team's Guardrails settings themselves (MSBuild properties and items), reported against the project file.</summary>
public static class ValidationSettingsRules
{
    public static readonly Rule SettingInvalid =
        new("GR4900", "A Guardrails.Build setting has a value the task does not understand");
}
