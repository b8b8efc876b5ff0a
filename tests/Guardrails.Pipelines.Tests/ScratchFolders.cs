using System.Collections.Concurrent;
using System.IO;

namespace Guardrails.Pipelines.Tests;

/// <summary>Temporary folders the tests write to, all deleted when the test run ends.</summary>
[SetUpFixture]
public sealed class ScratchFolders
{
    private static readonly ConcurrentBag<string> Created = [];

    public static string Create(string prefix = "guardrails-")
    {
        var path = Directory.CreateTempSubdirectory(prefix).FullName;
        Created.Add(path);
        return path;
    }

    [OneTimeTearDown]
    public void DeleteAll()
    {
        foreach (var path in Created)
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }
}
