namespace Guardrails.Diagnostics;

/// <summary>One problem in one place. Severity starts as the rule's default; the team may change it.</summary>
public sealed record Finding(Rule Rule, Severity Severity, SourceSpan Location, string Message)
{
    public Finding(Rule rule, SourceSpan location, string message)
        : this(rule, rule.DefaultSeverity, location, message)
    {
    }

    /// <summary>The canonical MSBuild form, which IDEs and CI logs turn into links.</summary>
    public override string ToString()
    {
        var kind = Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };
        var at = Location;
        return $"{at.File}({at.Line},{at.Column},{at.EndLine},{at.EndColumn}): {kind} {Rule.Id}: {Message}";
    }
}
