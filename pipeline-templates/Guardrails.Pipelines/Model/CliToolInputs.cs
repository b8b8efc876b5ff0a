namespace Guardrails.Pipelines.Model;

/// <summary>
/// The inputs that say which Guardrails CLI a template installs and with what, shared by the canary and the
/// delivery templates. A development build (a prerelease version) gives no default version: no release of it
/// exists for a caller to install, so the caller must name one.
/// </summary>
internal static class CliToolInputs
{
    public static TemplateInput Version(CanaryPipeline pipeline, string purpose) =>
        new("guardrails-version", TemplateInputType.Text, $"Version of the Guardrails.Cli dotnet tool that {purpose}.", pipeline.IsDevelopmentBuild ? null : pipeline.Version);

    public static TemplateInput Source() =>
        new("guardrails-source", TemplateInputType.Text, "NuGet feed URL or folder to install Guardrails.Cli from, besides the repository's nuget.config sources (empty: those only), for a mirror or a local build.", string.Empty);

    public static TemplateInput DotnetVersion(CanaryPipeline pipeline, string purpose) =>
        new("dotnet-version", TemplateInputType.Text, $".NET SDK installed to {purpose}.", pipeline.DotnetSdkVersion);
}
