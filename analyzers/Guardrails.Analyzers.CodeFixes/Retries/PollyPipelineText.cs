using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Guardrails.Analyzers.Retries;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.CodeFixes.Retries;

/// <summary>
/// Writes the statements that replace a canonical retry loop: a pipeline built with the loop's retry settings,
/// then one execution of the operation through it. Text keeps the operation's own lines, comments included.
/// </summary>
internal static class PollyPipelineText
{
    /// <param name="declareLocal">False when the pipeline is a field already: only the execution is written.</param>
    public static string Write(RetryPipelinePlan plan, string indentation, string indentUnit, string pipelineName, string tokenName, bool declareLocal)
    {
        var builder = new StringBuilder();
        if (declareLocal)
        {
            builder.Append(indentation).Append("var ").Append(pipelineName).Append(" = ").Append(Builder(plan, indentation, indentUnit)).AppendLine(";");
        }

        var inner = indentation + indentUnit;
        var execution = Execution(plan, indentation, indentUnit, pipelineName, tokenName);
        if (plan.ThrowWhenExhausted is null)
        {
            builder.Append(execution);
            return builder.ToString();
        }

        // The loop reported giving up with its own exception; the last failure Polly rethrows becomes that exception.
        builder.Append(indentation).AppendLine("try");
        builder.Append(indentation).AppendLine("{");
        builder.Append(Indent(execution, indentUnit));
        builder.Append(indentation).AppendLine("}");
        foreach (var type in plan.HandledExceptionTypes)
        {
            builder.Append(indentation).Append("catch (").Append(type).AppendLine(")");
            builder.Append(indentation).AppendLine("{");
            builder.Append(inner).AppendLine(plan.ThrowWhenExhausted.ToString());
            builder.Append(indentation).AppendLine("}");
        }

        return builder.ToString();
    }

    /// <summary><c>private static readonly ResiliencePipeline Name = new ResiliencePipelineBuilder()...Build();</c> and a blank line.</summary>
    public static string Field(RetryPipelinePlan plan, string indentation, string indentUnit, string fieldName) =>
        indentation + "private static readonly ResiliencePipeline " + fieldName + " = " + Builder(plan, indentation, indentUnit) + ";" + Environment.NewLine + Environment.NewLine;

    /// <summary>The builder expression, its first line unindented (it follows <c>var pipeline = </c>), without a final semicolon.</summary>
    public static string Builder(RetryPipelinePlan plan, string indentation, string indentUnit)
    {
        var builder = new StringBuilder();
        var inner = indentation + indentUnit;
        builder.AppendLine("new ResiliencePipelineBuilder()");
        builder.Append(inner).AppendLine(".AddRetry(new RetryStrategyOptions");
        builder.Append(inner).AppendLine("{");
        var option = inner + indentUnit;
        builder.Append(option).Append("ShouldHandle = new PredicateBuilder()")
            .Append(string.Concat(plan.HandledExceptionTypes.Select(type => ".Handle<" + type + ">()")))
            .AppendLine(",");
        builder.Append(option).Append("MaxRetryAttempts = ").Append(plan.MaxRetryAttempts.ToString(CultureInfo.InvariantCulture)).AppendLine(",");
        builder.Append(option).Append("Delay = ").Append(plan.DelayExpression).AppendLine(",");
        builder.Append(option).Append("BackoffType = DelayBackoffType.").Append(BackoffName(plan.Backoff)).AppendLine(",");
        builder.Append(inner).AppendLine("})");
        builder.Append(inner).Append(".Build()");
        return builder.ToString();
    }

    private static string Execution(RetryPipelinePlan plan, string indentation, string indentUnit, string pipelineName, string tokenName)
    {
        var builder = new StringBuilder();
        var call = plan.IsAsync ? "await " + pipelineName + ".ExecuteAsync(" : pipelineName + ".Execute(";
        var parameters = plan.IsAsync ? "async " + tokenName + " => " : plan.PassesToken ? tokenName + " => " : "() => ";
        var arguments = (plan.IsAsync || plan.PassesToken) && plan.CancellationTokenExpression is { } token ? ", " + token + ")" : ")";
        if (plan.IsAsync && plan.ConfigureAwaitFalse)
        {
            arguments += ".ConfigureAwait(false)";
        }

        var prefix = plan.Exit == RetryLoopExit.ReturnValue ? "return " : string.Empty;
        if (plan.Exit == RetryLoopExit.ReturnValue && plan.OperationStatements.IsEmpty)
        {
            // return await client.GetStringAsync(url) -> the lambda's expression body.
            builder.Append(indentation).Append(prefix).Append(call).Append(parameters)
                .Append(plan.ReturnedExpression!.ToString()).Append(arguments).AppendLine(";");
            return builder.ToString();
        }

        builder.Append(indentation).Append(prefix).Append(call).AppendLine(parameters.TrimEnd());
        builder.Append(indentation).AppendLine("{");
        foreach (var statement in plan.OperationStatements)
        {
            builder.Append(Reindent(statement, indentation + indentUnit));
        }

        if (plan.Exit == RetryLoopExit.ReturnValue)
        {
            builder.Append(indentation).Append(indentUnit).Append("return ").Append(plan.ReturnedExpression!.ToString()).AppendLine(";");
        }

        builder.Append(indentation).Append('}').Append(arguments).AppendLine(";");
        if (plan.Exit == RetryLoopExit.Return && !EndsFunctionBody(plan))
        {
            builder.Append(indentation).AppendLine("return;");
        }

        return builder.ToString();
    }

    /// <summary>True when nothing is left after the rewritten statements in the function, so <c>return;</c> would be noise.</summary>
    private static bool EndsFunctionBody(RetryPipelinePlan plan)
    {
        StatementSyntax lastReplaced = (StatementSyntax?)plan.ThrowWhenExhausted ?? plan.UnreachableAfterLoop ?? plan.Loop;
        return plan.Loop.Parent is BlockSyntax block &&
            block.Statements.Last() == lastReplaced &&
            block.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax;
    }

    private static string BackoffName(BackoffKind backoff) => backoff switch
    {
        BackoffKind.Linear => "Linear",
        BackoffKind.Exponential => "Exponential",
        _ => "Constant",
    };

    /// <summary>Moves a statement's lines from their old indentation to <paramref name="indentation"/>, keeping relative indents.</summary>
    private static string Reindent(StatementSyntax statement, string indentation)
    {
        var text = statement.ToFullString();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var oldIndentation = LeadingWhitespace(lines.FirstOrDefault(line => line.Trim().Length > 0) ?? string.Empty);
        var result = new StringBuilder();
        foreach (var line in lines.Take(lines.Length - (text.EndsWith("\n", StringComparison.Ordinal) ? 1 : 0)))
        {
            if (line.Trim().Length == 0)
            {
                result.AppendLine();
                continue;
            }

            var stripped = line.StartsWith(oldIndentation, StringComparison.Ordinal) ? line.Substring(oldIndentation.Length) : line.TrimStart();
            result.Append(indentation).AppendLine(stripped);
        }

        return result.ToString();
    }

    private static string Indent(string text, string indentUnit)
    {
        var lines = text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        return string.Concat(lines.Select(line => line.Length == 0 ? Environment.NewLine : indentUnit + line + Environment.NewLine));
    }

    public static string LeadingWhitespace(string line) => new(line.TakeWhile(char.IsWhiteSpace).ToArray());
}
