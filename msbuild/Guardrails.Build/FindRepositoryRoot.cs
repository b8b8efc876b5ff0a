using Guardrails.Slo.Projects;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Guardrails.Build;

/// <summary>
/// The folder holding <c>.git</c> above a project, for <c>GuardrailsScope=Repository</c>. A task rather than
/// a property function: <c>GetDirectoryNameOfFileAbove</c> finds files only, and <c>.git</c> is a folder in a clone.
/// </summary>
public sealed class FindRepositoryRoot : Task
{
    [Required]
    public string StartDirectory { get; set; } = string.Empty;

    [Output]
    public string RepositoryRoot { get; private set; } = string.Empty;

    public override bool Execute()
    {
        var found = Slo.Runbooks.RepositoryRoot.Find(StartDirectory);
        if (found is null)
        {
            Log.LogError(
                null,
                ValidationSettingsRules.SettingInvalid.Id,
                null,
                ValidationSettingsRules.SettingInvalid.HelpLink,
                StartDirectory,
                0,
                0,
                0,
                0,
                $"GuardrailsScope is Repository but no folder above '{StartDirectory}' holds '.git'; set GuardrailsRootDirectory or use GuardrailsScope=Project");
            return false;
        }

        RepositoryRoot = found.EndsWith(System.IO.Path.DirectorySeparatorChar.ToString(), System.StringComparison.Ordinal)
            ? found
            : found + System.IO.Path.DirectorySeparatorChar;
        return true;
    }
}
