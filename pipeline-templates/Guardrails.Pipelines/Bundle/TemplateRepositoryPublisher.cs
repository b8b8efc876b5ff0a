using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Guardrails.Pipelines.Bundle;

/// <summary>What a publish did: the tag it created and the commit SHA users pin.</summary>
public sealed record PublishedRelease(string Tag, string Branch, string CommitSha);

/// <summary>A publish that was refused or failed, with what to do about it.</summary>
public sealed class TemplatePublishException(string message) : Exception(message);

/// <summary>
/// Publishes a release bundle as the templates repository teams import: checks the bundle against its
/// manifest, replaces the files on the repository's default branch with the bundle's, commits, tags
/// <c>vX.Y.Z</c> and pushes both. It never moves an existing tag and refuses a development version (0.0.0-*).
/// Uses the git command line, so any URL git can push to works (a local path or bare repository included).
/// </summary>
public static class TemplateRepositoryPublisher
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromMinutes(5);

    public static PublishedRelease Publish(string bundleZip, string repository, string scratchDirectory)
    {
        var (manifest, files) = ReadVerifiedBundle(bundleZip);
        if (manifest.Version.StartsWith("0.0.0-", StringComparison.Ordinal))
        {
            throw new TemplatePublishException(
                $"{bundleZip}: version {manifest.Version} is a development build; tag the commit vX.Y.Z and build again before publishing.");
        }

        var tag = "v" + manifest.Version;
        if (Git(scratchDirectory, "ls-remote", "--tags", repository, "refs/tags/" + tag).Trim().Length > 0)
        {
            throw new TemplatePublishException($"{repository} already has the tag {tag}; a published tag is never moved. Publish a new version instead.");
        }

        var clone = Path.Combine(scratchDirectory, "templates-repository");
        Git(scratchDirectory, "clone", "--quiet", repository, clone);
        var branch = Git(clone, "symbolic-ref", "--short", "HEAD").Trim();
        foreach (var entry in Directory.EnumerateFileSystemEntries(clone).Where(path => Path.GetFileName(path) != ".git"))
        {
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }

        foreach (var (path, content) in files)
        {
            var target = Path.Combine(clone, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, content);
        }

        Git(clone, "add", "--all");
        Git(clone, "-c", "user.name=Guardrails release", "-c", "user.email=release@guardrails.invalid", "commit", "--quiet", "--allow-empty", "--message", $"Guardrails templates {tag}");
        Git(clone, "tag", tag);
        Git(clone, "push", "--quiet", "origin", $"HEAD:refs/heads/{branch}", $"refs/tags/{tag}");
        var sha = Git(clone, "rev-parse", tag + "^{commit}").Trim();
        return new PublishedRelease(tag, branch, sha);
    }

    /// <summary>The bundle's manifest and files (manifest.json included), after checking every SHA-256.</summary>
    public static (BundleManifest Manifest, IReadOnlyList<(string Path, byte[] Content)> Files) ReadVerifiedBundle(string bundleZip)
    {
        if (!File.Exists(bundleZip))
        {
            throw new TemplatePublishException($"{bundleZip} does not exist; run `guardrails templates bundle` (./build.sh --target Templates) first.");
        }

        using var zip = ZipFile.OpenRead(bundleZip);
        var contents = zip.Entries.Where(entry => entry.FullName.Length > 0 && !entry.FullName.EndsWith('/')).ToDictionary(entry => entry.FullName, Read, StringComparer.Ordinal);
        if (!contents.TryGetValue(TemplateBundleWriter.ManifestName, out var manifestBytes))
        {
            throw new TemplatePublishException($"{bundleZip} has no {TemplateBundleWriter.ManifestName}.");
        }

        var manifest = JsonSerializer.Deserialize<BundleManifest>(manifestBytes)
            ?? throw new TemplatePublishException($"{bundleZip}: {TemplateBundleWriter.ManifestName} is empty.");
        var listed = manifest.Files.Select(file => file.Path).Append(TemplateBundleWriter.ManifestName).ToHashSet(StringComparer.Ordinal);
        var unlisted = contents.Keys.Where(name => !listed.Contains(name)).ToList();
        if (unlisted.Count > 0)
        {
            throw new TemplatePublishException($"{bundleZip}: {string.Join(", ", unlisted)} not listed in {TemplateBundleWriter.ManifestName}.");
        }

        foreach (var file in manifest.Files)
        {
            if (!contents.TryGetValue(file.Path, out var content))
            {
                throw new TemplatePublishException($"{bundleZip}: {file.Path} is listed in {TemplateBundleWriter.ManifestName} but missing.");
            }

            var actual = TemplateBundleWriter.Sha256(Encoding.UTF8.GetString(content));
            if (!string.Equals(actual, file.Sha256, StringComparison.Ordinal))
            {
                throw new TemplatePublishException($"{bundleZip}: {file.Path} has SHA-256 {actual}, but the manifest says {file.Sha256}; rebuild the bundle.");
            }
        }

        return (manifest, contents.Select(pair => (pair.Key, pair.Value)).OrderBy(file => file.Key, StringComparer.Ordinal).ToList());
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static string Git(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new TemplatePublishException("git could not be started; install git.");
        var error = process.StandardError.ReadToEndAsync();
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        // A push to an unreachable remote can hang on the network; a release waits five minutes at most.
        if (!process.WaitForExit(GitTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TemplatePublishException($"git {string.Join(' ', arguments)} did not finish within {GitTimeout.TotalMinutes} minutes.");
        }

        var output = standardOutput.Result;
        if (process.ExitCode != 0)
        {
            throw new TemplatePublishException($"git {string.Join(' ', arguments)} failed (exit code {process.ExitCode}): {error.Result.Trim()}");
        }

        return output;
    }
}
