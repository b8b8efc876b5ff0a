using System.Collections.Generic;
using System.Globalization;
using Guardrails.Pipelines.Model;
using Guardrails.Pipelines.Yaml;

namespace Guardrails.Pipelines.Azure;

/// <summary>Step and parameter shapes the Azure Pipelines files share. Tasks are pinned to a major version.</summary>
internal static class AzureSteps
{
    /// <summary>Checks out the consuming repository without keeping the job's token in .git/config.</summary>
    public static YamlMapping CheckoutSelf() => new YamlMapping()
        .Add("checkout", "self")
        .Add("persistCredentials", YamlScalar.Boolean(false));

    /// <summary>An inline bash task whose values arrive only through <paramref name="environment"/>.</summary>
    public static YamlMapping Bash(string displayName, IReadOnlyList<(string Variable, string Value)> environment, string script, string? name = null)
    {
        var step = new YamlMapping().Add("task", "Bash@3");
        if (name is not null)
        {
            step.Add("name", name);
        }

        step.Add("displayName", displayName)
            .Add("inputs", new YamlMapping()
                .Add("targetType", "inline")
                .Add("script", YamlScalar.Script(script)));
        return step.Add("env", Environment(environment));
    }

    public static YamlMapping Environment(IReadOnlyList<(string Variable, string Value)> environment)
    {
        var env = new YamlMapping();
        foreach (var (variable, value) in environment)
        {
            env.Add(variable, value);
        }

        return env;
    }

    public static string Parameter(string name) => "${{ parameters." + name + " }}";

    public static string Parameter(TemplateInput input) => Parameter(input.AzureName);

    /// <summary>A typed parameter declaration; one without a default must be given by the caller.</summary>
    public static YamlMapping Declaration(TemplateInput input)
    {
        var declaration = new YamlMapping()
            .Add("name", input.AzureName)
            .Add("displayName", input.Description);
        switch (input.Type)
        {
            case TemplateInputType.Number:
                declaration.Add("type", "number");
                if (input.Default is { } number)
                {
                    declaration.Add("default", YamlScalar.Number(double.Parse(number, CultureInfo.InvariantCulture)));
                }

                break;
            case TemplateInputType.PercentList:
                var steps = new YamlSequence(flow: true);
                foreach (var step in (input.Default ?? string.Empty).Split(','))
                {
                    steps.Add(YamlScalar.Number(int.Parse(step, CultureInfo.InvariantCulture)));
                }

                declaration.Add("type", "object").Add("default", steps);
                break;
            case TemplateInputType.AzureObject:
                declaration.Add("type", "object");
                if (input.Default is { } objectDefault)
                {
                    declaration.Add("default", YamlText.Parse(objectDefault));
                }

                break;
            default:
                declaration.Add("type", "string");
                if (input.Default is { } text)
                {
                    declaration.Add("default", YamlScalar.Text(text));
                }

                break;
        }

        if (input.Choices is { } choices)
        {
            var values = new YamlSequence();
            foreach (var choice in choices)
            {
                values.Add(YamlScalar.Text(choice));
            }

            declaration.Add("values", values);
        }

        return declaration;
    }
}
