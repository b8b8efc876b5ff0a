using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Guardrails.RealWorldCorpus;

/// <summary>
/// Compiles the project a labelled file belongs to: every <c>.cs</c> file under the folder of the nearest
/// <c>.csproj</c> (nested projects, <c>bin</c> and <c>obj</c> left out) against the .NET 8 reference assemblies.
/// Package references are not restored, so calls into them bind to error types: the analyzers see what they
/// would see in the IDE on a half-restored project, which is the harder case for them, never an easier one.
/// </summary>
internal sealed partial class ProjectCompilations(string sourcesFolder)
{
    /// <summary>What <c>ImplicitUsings=enable</c> adds to a Microsoft.NET.Sdk project.</summary>
    private const string SdkImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private readonly ConcurrentDictionary<string, CSharpCompilation> compilations = new(StringComparer.Ordinal);

    public string RepositoryFolder(CorpusLabel label)
        => Path.Combine(sourcesFolder, label.Repository.Replace('/', Path.DirectorySeparatorChar));

    public string FilePath(CorpusLabel label)
        => Path.Combine(RepositoryFolder(label), label.Path.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The compilation holding the labelled file, built once per project.</summary>
    public CSharpCompilation For(CorpusLabel label)
    {
        var file = FilePath(label);
        var repositoryFolder = RepositoryFolder(label);
        var projectFolder = ProjectFolder(repositoryFolder, Path.GetDirectoryName(file)!);
        return compilations.GetOrAdd(projectFolder, folder => Compile(repositoryFolder, folder));
    }

    private static string ProjectFolder(string repositoryFolder, string folder)
    {
        for (var current = folder; current.Length >= repositoryFolder.Length; current = Path.GetDirectoryName(current)!)
        {
            if (Directory.EnumerateFiles(current, "*.csproj").Any())
            {
                return current;
            }
        }

        return folder;
    }

    private static CSharpCompilation Compile(string repositoryFolder, string projectFolder)
    {
        var files = SourceFiles(projectFolder).OrderBy(path => path, StringComparer.Ordinal).ToArray();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path)).ToList();
        var project = Directory.EnumerateFiles(projectFolder, "*.csproj").FirstOrDefault();
        if (project is not null && UsesImplicitUsings(repositoryFolder, projectFolder, project))
        {
            trees.Add(CSharpSyntaxTree.ParseText(SdkImplicitUsings, parseOptions, Path.Combine(projectFolder, "ImplicitUsings.g.cs")));
        }

        return CSharpCompilation.Create(
            project is null ? Path.GetFileName(projectFolder) : Path.GetFileNameWithoutExtension(project),
            trees,
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Set in the project file or in a Directory.Build.props between it and the repository root.</summary>
    private static bool UsesImplicitUsings(string repositoryFolder, string projectFolder, string project)
    {
        if (ImplicitUsingsEnabled().IsMatch(File.ReadAllText(project)))
        {
            return true;
        }

        for (var current = projectFolder; current.Length >= repositoryFolder.Length; current = Path.GetDirectoryName(current)!)
        {
            var props = Path.Combine(current, "Directory.Build.props");
            if (File.Exists(props) && ImplicitUsingsEnabled().IsMatch(File.ReadAllText(props)))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> SourceFiles(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs"))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            if (Path.GetFileName(child) is "bin" or "obj" || Directory.EnumerateFiles(child, "*.csproj").Any())
            {
                continue;
            }

            foreach (var file in SourceFiles(child))
            {
                yield return file;
            }
        }
    }

    [GeneratedRegex(@"<ImplicitUsings>\s*(enable|true)\s*</ImplicitUsings>", RegexOptions.IgnoreCase)]
    private static partial Regex ImplicitUsingsEnabled();
}
