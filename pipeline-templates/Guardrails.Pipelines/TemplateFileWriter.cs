using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Guardrails.Pipelines;

/// <summary>Writes emitted files under a folder as UTF-8 without a byte order mark, LF line endings as emitted.</summary>
public static class TemplateFileWriter
{
    public static IReadOnlyList<string> Write(IEnumerable<TemplateFile> files, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(files);
        var written = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(outputDirectory, file.RelativePath.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            written.Add(path);
        }

        return written;
    }
}
