using System;

namespace Guardrails.Pipelines.Model;

/// <summary>The CI systems an input or a script is emitted for.</summary>
[Flags]
public enum CiSystem
{
    GitHubActions = 1,
    AzurePipelines = 2,
    Both = GitHubActions | AzurePipelines,
}
