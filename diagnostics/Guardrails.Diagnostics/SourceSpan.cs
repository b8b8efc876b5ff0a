namespace Guardrails.Diagnostics;

/// <summary>Where a finding is, 1-based, as MSBuild and IDEs expect: file(line,col,endLine,endCol).</summary>
public sealed record SourceSpan(string File, int Line, int Column, int EndLine, int EndColumn)
{
    public static SourceSpan WholeFile(string file) => new(file, 1, 1, 1, 1);
}
