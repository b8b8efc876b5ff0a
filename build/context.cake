// The typed state every task reads: what to build, how, where the outputs go, and the one version
// that stamps every package and every emitted template of this build.
public sealed class BuildContext
{
    public BuildContext(ICakeContext context)
    {
        Cake = context;
        Target = context.Argument("target", "Default");
        Configuration = context.Argument("configuration", "Release");
        IsRelease = context.HasArgument("release") || Target == "Release";
        // Cake runs from the script's folder, build/; the repository is its parent.
        Root = context.MakeAbsolute(context.Directory("..")).Collapse();
        Solution = Root.CombineWithFilePath("Guardrails.Build.sln");
        Artifacts = Root.Combine("artifacts");
        Packages = Artifacts.Combine("packages");
        TestResults = Artifacts.Combine("test-results");
        Templates = Artifacts.Combine("pipeline-templates");
        NodePackageFolders =
        [
            Root.Combine("pipeline-templates/validators"),
            Root.Combine("pipeline-templates/executors"),
            Root.Combine("tests/unleash-server"),
        ];
        Version = ComputeVersion(context);
    }

    public ICakeContext Cake { get; }
    public string Target { get; }
    public string Configuration { get; }
    public bool IsRelease { get; }
    public DirectoryPath Root { get; }
    public FilePath Solution { get; }
    public DirectoryPath Artifacts { get; }
    public DirectoryPath Packages { get; }
    public DirectoryPath TestResults { get; }
    public DirectoryPath Templates { get; }

    /// <summary>The folders whose npm packages the tests use, each pinned by its package-lock.json.</summary>
    public IReadOnlyList<DirectoryPath> NodePackageFolders { get; }
    public string Version { get; }

    /// <summary>A version with no tag behind it (a shallow clone, an untagged repository).</summary>
    public bool IsUntaggedVersion => Version.StartsWith("0.0.0-", StringComparison.Ordinal);

    /// <summary>MSBuild settings shared by build, test and pack, so every step sees the same version.</summary>
    public DotNetMSBuildSettings MSBuildSettings() => new DotNetMSBuildSettings()
        .WithProperty("MinVerVersionOverride", Version)
        .WithProperty("ContinuousIntegrationBuild", Cake.EnvironmentVariable("CI") == "true" ? "true" : "false");

    private static string ComputeVersion(ICakeContext context)
    {
        // MinVer reads the git tags (v1.2.3 -> 1.2.3); the CLI form lets one computation stamp everything.
        var exitCode = context.StartProcess(
            "dotnet",
            new ProcessSettings
            {
                Arguments = "minver --tag-prefix v --default-pre-release-identifiers alpha.0 --verbosity error",
                RedirectStandardOutput = true,
            },
            out var output);
        var version = output.LastOrDefault()?.Trim();
        if (exitCode != 0 || string.IsNullOrEmpty(version))
        {
            throw new CakeException("MinVer could not compute a version. Is this a git clone with its history? (`git fetch --tags --unshallow`)");
        }

        return version;
    }
}
