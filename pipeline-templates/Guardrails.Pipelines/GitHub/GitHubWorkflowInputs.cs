using System.Collections.Generic;
using System.Globalization;
using Guardrails.Pipelines.Model;
using Guardrails.Pipelines.Yaml;

namespace Guardrails.Pipelines.GitHub;

/// <summary>The <c>on.workflow_call.inputs</c> of a reusable workflow, declared from the model's inputs.</summary>
internal static class GitHubWorkflowInputs
{
    public static YamlMapping Declare(IEnumerable<TemplateInput> inputs)
    {
        var declared = new YamlMapping();
        foreach (var input in inputs)
        {
            var entry = new YamlMapping()
                .Add("description", input.Description)
                .Add("required", YamlScalar.Boolean(input.Required))
                .Add("type", input.Type == TemplateInputType.Number ? "number" : "string");
            if (input.Default is { } value)
            {
                entry.Add("default", input.Type == TemplateInputType.Number ? YamlScalar.Number(double.Parse(value, CultureInfo.InvariantCulture)) : YamlScalar.Text(value));
            }

            declared.Add(input.Name, entry);
        }

        return declared;
    }

    /// <summary>Each input into the environment variable its script reads.</summary>
    public static List<(string Variable, string Value)> Environment(IEnumerable<TemplateInput> inputs)
    {
        var environment = new List<(string Variable, string Value)>();
        foreach (var input in inputs)
        {
            environment.Add((input.EnvironmentVariable, GitHubSteps.Input(input)));
        }

        return environment;
    }
}
