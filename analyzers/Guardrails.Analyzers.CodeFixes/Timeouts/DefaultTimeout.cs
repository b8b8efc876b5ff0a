using System;
using System.Globalization;
using Guardrails.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.CodeFixes.Timeouts;

/// <summary>
/// The timeout the GR2xxx fixes write in: <c>guardrails.default_timeout</c> from <c>.editorconfig</c>
/// (a <c>TimeSpan</c> such as <c>00:00:30</c>), 30 seconds when unset or not a positive <c>TimeSpan</c>.
/// </summary>
internal static class DefaultTimeout
{
    public const string OptionName = "guardrails.default_timeout";

    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(30);

    public static TimeSpan For(Document document, SyntaxTree tree)
    {
        var value = document.Project.AnalyzerOptions.GetGuardrailsOption(tree, OptionName);
        return value is not null
            && TimeSpan.TryParse(value.Trim(), CultureInfo.InvariantCulture, out var timeout)
            && timeout > TimeSpan.Zero
                ? timeout
                : Fallback;
    }

    /// <summary><c>TimeSpan.FromSeconds(30)</c>, in the largest whole unit, named as the file's usings allow.</summary>
    public static ExpressionSyntax Expression(TimeSpan timeout, SemanticModel semanticModel, int position)
    {
        var (factory, amount) = timeout switch
        {
            { Ticks: var ticks } when ticks % TimeSpan.TicksPerHour == 0 => ("FromHours", timeout.TotalHours),
            { Ticks: var ticks } when ticks % TimeSpan.TicksPerMinute == 0 => ("FromMinutes", timeout.TotalMinutes),
            { Ticks: var ticks } when ticks % TimeSpan.TicksPerSecond == 0 => ("FromSeconds", timeout.TotalSeconds),
            _ => ("FromMilliseconds", Math.Round(timeout.TotalMilliseconds)),
        };

        return SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SystemTypeName.At(semanticModel, position, nameof(TimeSpan)),
                SyntaxFactory.IdentifierName(factory)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                SyntaxFactory.ParseExpression(amount.ToString("0", CultureInfo.InvariantCulture))))));
    }
}
