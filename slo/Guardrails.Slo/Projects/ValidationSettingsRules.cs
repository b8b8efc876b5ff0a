using Guardrails.Diagnostics;

namespace Guardrails.Slo.Projects;

/// <summary>Problems with a team's Guardrails settings themselves (MSBuild properties and items), reported against the project file.</summary>
public static class ValidationSettingsRules
{
    public static readonly Rule SettingInvalid =
        new("GR4900", "A Guardrails.Build setting has a value the task does not understand");

    /// <summary>Whatever else stops the task, reported as one error instead of MSBuild's MSB4018 and a stack trace.</summary>
    public static readonly Rule UnexpectedFailure =
        new("GR4901", "Guardrails could not finish checking the project");
}
