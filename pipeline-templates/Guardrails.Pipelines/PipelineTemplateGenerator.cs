using System;
using System.Linq;
using Guardrails.Pipelines.Azure;
using Guardrails.Pipelines.GitHub;
using Guardrails.Pipelines.Model;
using Guardrails.Pipelines.Validation;

namespace Guardrails.Pipelines;

/// <summary>
/// Validates a pipeline model and emits every template for both CI systems, sorted by path.
/// Deterministic: the same model gives byte-identical files.
/// </summary>
public static class PipelineTemplateGenerator
{
    public static TemplateGeneration Generate(CanaryPipeline pipeline, string source)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var findings = CanaryPipelineValidator.Validate(pipeline, source);
        if (findings.Count > 0)
        {
            return new TemplateGeneration(pipeline.Version, [], findings);
        }

        TemplateFile[] files =
        [
            GitHubWorkflowEmitter.Emit(pipeline),
            GitHubGateActionEmitter.Emit(pipeline),
            .. AzureTemplatesEmitter.Emit(pipeline),
            GitHubPullRequestWorkflowEmitter.Emit(pipeline),
            GitHubDoraWorkflowEmitter.Emit(pipeline),
            .. AzureDeliveryTemplatesEmitter.Emit(pipeline),
        ];
        return new TemplateGeneration(pipeline.Version, [.. files.OrderBy(file => file.RelativePath, StringComparer.Ordinal)], []);
    }
}
