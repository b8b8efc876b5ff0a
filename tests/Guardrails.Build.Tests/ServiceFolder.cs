using System;
using System.IO;

namespace Guardrails.Build.Tests;

/// <summary>A temporary service folder with the conventional layout, deleted after the test.</summary>
internal sealed class ServiceFolder : IDisposable
{
    public ServiceFolder()
    {
        Root = Directory.CreateTempSubdirectory("guardrails-task-").FullName;
    }

    public string Root { get; }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
