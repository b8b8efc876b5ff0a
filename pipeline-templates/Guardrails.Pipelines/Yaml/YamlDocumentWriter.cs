using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Guardrails.Pipelines.Yaml;

/// <summary>
/// Writes a node tree through YamlDotNet's emitter: two-space indentation, indented sequences, LF line
/// endings and no line folding, whatever the platform, so emitted files are byte-identical everywhere.
/// </summary>
public static class YamlDocumentWriter
{
    private static readonly EmitterSettings Settings = new(
        bestIndent: 2,
        bestWidth: int.MaxValue,
        isCanonical: false,
        maxSimpleKeyLength: 1024,
        skipAnchorName: false,
        indentSequences: true,
        newLine: "\n");

    public static string Write(IEnumerable<string> headerComment, YamlMapping root)
    {
        ArgumentNullException.ThrowIfNull(headerComment);
        ArgumentNullException.ThrowIfNull(root);
        using var text = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(text, Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        foreach (var line in headerComment)
        {
            emitter.Emit(new Comment(line, isInline: false));
        }

        Emit(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Emit(IEmitter emitter, YamlNode node)
    {
        switch (node)
        {
            case YamlScalar scalar:
                emitter.Emit(new Scalar(null, null, scalar.Value, scalar.Style, isPlainImplicit: true, isQuotedImplicit: true));
                if (scalar.TrailingComment is not null)
                {
                    emitter.Emit(new Comment(scalar.TrailingComment, isInline: true));
                }

                break;
            case YamlSequence sequence:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, sequence.Flow ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in sequence.Items)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case YamlMapping mapping:
                emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
                foreach (var entry in mapping.Entries)
                {
                    foreach (var line in entry.CommentAbove)
                    {
                        emitter.Emit(new Comment(line, isInline: false));
                    }

                    emitter.Emit(new Scalar(entry.Key));
                    Emit(emitter, entry.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
            default:
                throw new ArgumentException($"Unknown YAML node type {node.GetType().Name}.", nameof(node));
        }
    }
}
