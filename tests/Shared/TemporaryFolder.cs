using System;
using System.IO;

namespace Guardrails.Testing;

/// <summary>
/// A fresh folder under the system's temporary folder for one test, where the test writes the files it needs;
/// deleted with everything in it on dispose.
/// </summary>
internal sealed class TemporaryFolder : IDisposable
{
    private TemporaryFolder(string root) => Root = root;

    public string Root { get; }

    /// <param name="prefix">Starts the folder's name, so a folder left behind by a crashed run says which tests made it.</param>
    public static TemporaryFolder Create(string prefix) => new(Directory.CreateTempSubdirectory(prefix).FullName);

    /// <summary>Writes <paramref name="text"/> to a path relative to the root, creating its folders; returns the full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = PrepareFolderOf(relativePath);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes exact bytes (byte order marks, other encodings); returns the full path.</summary>
    public string Write(string relativePath, byte[] bytes)
    {
        var path = PrepareFolderOf(relativePath);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private string PrepareFolderOf(string relativePath)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
