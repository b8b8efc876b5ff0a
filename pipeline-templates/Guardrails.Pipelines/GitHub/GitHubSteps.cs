using System.Collections.Generic;
using Guardrails.Pipelines.Model;
using Guardrails.Pipelines.Yaml;

namespace Guardrails.Pipelines.GitHub;

/// <summary>Step shapes the GitHub Actions files share.</summary>
internal static class GitHubSteps
{
    public static YamlScalar Uses(PinnedAction action) => YamlScalar.Text(action.Reference, action.Release);

    /// <summary>Checks out without leaving the token in .git/config, where later steps could read it.</summary>
    public static YamlMapping Checkout(string name, YamlMapping? with = null)
    {
        var parameters = with ?? new YamlMapping();
        parameters.Add("persist-credentials", YamlScalar.Boolean(false));
        return new YamlMapping()
            .Add("name", name)
            .Add("uses", Uses(PinnedAction.Checkout))
            .Add("with", parameters);
    }

    /// <summary>A bash step whose values arrive only through <paramref name="environment"/>.</summary>
    public static YamlMapping Run(string name, IReadOnlyList<(string Variable, string Value)> environment, string script, string? condition = null, string? id = null, bool declareShell = false)
    {
        var step = new YamlMapping();
        if (id is not null)
        {
            step.Add("id", id);
        }

        step.Add("name", name);
        if (condition is not null)
        {
            step.Add("if", condition);
        }

        if (declareShell)
        {
            step.Add("shell", "bash");
        }

        if (environment.Count > 0)
        {
            var env = new YamlMapping();
            foreach (var (variable, value) in environment)
            {
                env.Add(variable, value);
            }

            step.Add("env", env);
        }

        return step.Add("run", YamlScalar.Script(script));
    }

    public static string Input(TemplateInput input) => "${{ inputs." + input.Name + " }}";
}
