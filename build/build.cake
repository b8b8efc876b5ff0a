// Guardrails' own build: restore, build, test, pack, emit the pipeline templates.
//   ./build.sh                      the main job (Default)
//   ./build.sh --target Test        the tests
//   ./build.sh --target Release     the main job, refusing a version without a tag
// Options: --configuration Release|Debug, --release. Logic worth testing lives in the C# projects
// (templates are written by the guardrails CLI); this script only orders the steps.
#load "context.cake"
#load "tests.cake"

var target = Argument("target", "Default");

Setup<BuildContext>(context =>
{
    var build = new BuildContext(context);
    Information($"Guardrails {build.Version} ({build.Configuration}), target {build.Target}");
    if (build.IsRelease && build.IsUntaggedVersion)
    {
        throw new CakeException(
            $"Refusing a release build of version {build.Version}: no v<major>.<minor>.<patch> tag is reachable. " +
            "Tag the commit (git tag v1.2.3) and, in a shallow clone, fetch the history (git fetch --tags --unshallow).");
    }

    return build;
});

Task("Info")
    .Description("Prints the version and settings this build would use, and builds nothing.")
    .Does<BuildContext>(build =>
    {
        Information($"version={build.Version}");
        Information($"configuration={build.Configuration}");
        Information($"release={build.IsRelease}");
    });

Task("Clean")
    .Does<BuildContext>(build =>
    {
        CleanDirectory(build.Artifacts);
        DotNetClean(build.Solution.FullPath, new DotNetCleanSettings { Configuration = build.Configuration, NoLogo = true });
    });

Task("Restore")
    .Does<BuildContext>(build =>
    {
        DotNetRestore(build.Solution.FullPath, new DotNetRestoreSettings { MSBuildSettings = build.MSBuildSettings() });
        RestoreNodePackages(build);
    });

Task("Build")
    .IsDependentOn("Restore")
    .Does<BuildContext>(build =>
    {
        DotNetBuild(build.Solution.FullPath, new DotNetBuildSettings
        {
            Configuration = build.Configuration,
            NoRestore = true,
            NoLogo = true,
            MSBuildSettings = build.MSBuildSettings(),
        });
    });

Task("Pack")
    .IsDependentOn("Build")
    .Does<BuildContext>(build =>
    {
        EnsureDirectoryExists(build.Packages);
        DeleteFiles(build.Packages.FullPath + "/*.nupkg");
        DotNetPack(build.Solution.FullPath, new DotNetPackSettings
        {
            Configuration = build.Configuration,
            NoBuild = true,
            NoRestore = true,
            NoLogo = true,
            OutputDirectory = build.Packages,
            MSBuildSettings = build.MSBuildSettings(),
        });
    });

Task("Test")
    .Description("Runs every test project; the end-to-end tests build samples against the packed nupkgs.")
    .IsDependentOn("Pack")
    .Does<BuildContext>(build =>
    {
        CleanDirectory(build.TestResults);
        var failedProjects = new List<string>();
        foreach (var project in GetFiles(build.Root.FullPath + "/tests/*/*.Tests.csproj").OrderBy(path => path.FullPath, StringComparer.Ordinal))
        {
            var name = project.GetFilenameWithoutExtension().FullPath;
            try
            {
                DotNetTest(project.FullPath, new DotNetTestSettings
                {
                    Configuration = build.Configuration,
                    NoBuild = true,
                    NoRestore = true,
                    NoLogo = true,
                    Loggers = new[] { $"trx;LogFileName={name}.trx", "console;verbosity=minimal" },
                    ResultsDirectory = build.TestResults,
                    EnvironmentVariables = new Dictionary<string, string>
                    {
                        ["GUARDRAILS_PACKAGES"] = build.Packages.FullPath,
                        ["GUARDRAILS_VERSION"] = build.Version,
                    },
                });
            }
            catch (CakeException exception)
            {
                Error($"{name}: {exception.Message}");
                failedProjects.Add(name);
            }
        }

        var summary = TestSummary.FromTrxFiles(GetFiles(build.TestResults.FullPath + "/*.trx"));
        System.IO.File.WriteAllText(build.TestResults.CombineWithFilePath("summary.txt").FullPath, summary + Environment.NewLine);
        Information(summary.ToString());
        if (failedProjects.Count > 0 || summary.Failed > 0)
        {
            throw new CakeException($"Tests failed in: {string.Join(", ", failedProjects)} ({summary}).");
        }
    });

Task("Templates")
    .Description("Emits the versioned pipeline templates and their release bundle with the guardrails CLI.")
    .IsDependentOn("Build")
    .Does<BuildContext>(build =>
    {
        // The tree is what a templates repository holds; the zip, with its SHA-256 manifest, is the release asset.
        CleanDirectory(build.Templates);
        RunTemplatesCommand(build, "emit", build.Templates.Combine($"guardrails-templates-{build.Version}"));
        RunTemplatesCommand(build, "bundle", build.Templates);
    });

Task("PublishTemplates")
    .Description("Publishes this build's template bundle to --templates-repository as the tag vX.Y.Z (guardrails templates publish).")
    .IsDependentOn("Templates")
    .Does<BuildContext>(build =>
    {
        var repository = Argument<string>("templates-repository", string.Empty);
        if (string.IsNullOrWhiteSpace(repository))
        {
            throw new CakeException("PublishTemplates needs --templates-repository <git URL or path>.");
        }

        DotNetExecute(CliAssembly(build), new ProcessArgumentBuilder()
            .Append("templates").Append("publish")
            .Append("--bundle").AppendQuoted(build.Templates.CombineWithFilePath($"guardrails-templates-{build.Version}.zip").FullPath)
            .Append("--templates-repository").AppendQuoted(repository));
    });

Task("Default")
    .IsDependentOn("Test")
    .IsDependentOn("Pack")
    .IsDependentOn("Templates");

Task("Release")
    .Description("The main job for a tagged commit; Setup refuses an untagged 0.0.0-* version.")
    .IsDependentOn("Default");

void RunTemplatesCommand(BuildContext build, string templatesCommand, DirectoryPath output)
{
    DotNetExecute(CliAssembly(build), new ProcessArgumentBuilder()
        .Append("templates").Append(templatesCommand)
        .Append("--out").AppendQuoted(output.FullPath)
        .Append("--version").Append(build.Version));
}

/// <summary>The built guardrails CLI. Its target framework is read from its project, so changing it there is the only change needed.</summary>
FilePath CliAssembly(BuildContext build)
{
    var project = build.Root.CombineWithFilePath("cli/Guardrails.Cli/Guardrails.Cli.csproj");
    var framework = XmlPeek(project, "/Project/PropertyGroup/TargetFramework");
    if (string.IsNullOrWhiteSpace(framework))
    {
        throw new CakeException($"{project} names no single <TargetFramework>; the templates are emitted by the CLI built for it.");
    }

    return build.Root.CombineWithFilePath($"cli/Guardrails.Cli/bin/{build.Configuration}/{framework.Trim()}/guardrails.dll");
}

void RestoreNodePackages(BuildContext build)
{
    // The tests run GitHub's and Azure's own validators, the local workflow executors and a real Unleash server,
    // each pinned by a lock file, so the README's test command alone installs them.
    foreach (var folder in build.NodePackageFolders)
    {
        if (!FileExists(folder.CombineWithFilePath("package-lock.json")))
        {
            continue;
        }

        var npm = Context.Tools.Resolve(IsRunningOnWindows() ? "npm.cmd" : "npm");
        if (npm is null)
        {
            Warning("npm is not installed: the tests that need the Node packages will be skipped (they fail in CI).");
            return;
        }

        var exitCode = StartProcess(npm, new ProcessSettings
        {
            Arguments = "ci --no-audit --no-fund",
            WorkingDirectory = folder,
        });
        if (exitCode != 0)
        {
            throw new CakeException($"npm ci in {folder} failed with exit code {exitCode}.");
        }
    }
}

RunTarget(target);
