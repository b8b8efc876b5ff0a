namespace Guardrails.Pipelines.Model;

/// <summary>How an input is typed in each CI system.</summary>
public enum TemplateInputType
{
    Text,
    Number,

    /// <summary>A comma-separated string in GitHub Actions, a list of numbers in Azure Pipelines.</summary>
    PercentList,

    /// <summary>An Azure Pipelines object (pool, dependsOn); GitHub Actions has none.</summary>
    AzureObject,
}
