using Guardrails.Slo.Diagnostics;

namespace Guardrails.Build;

/// <summary>Problems with the build's own Guardrails settings, reported against the project file.</summary>
public static class ValidationSettingsRules
{
    public static readonly Rule SettingInvalid =
        new("GR4900", "A Guardrails.Build setting has a value the task does not understand");
}
