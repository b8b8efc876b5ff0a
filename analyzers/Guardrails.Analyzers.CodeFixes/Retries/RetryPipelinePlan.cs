using System.Collections.Immutable;
using Guardrails.Analyzers.Retries;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.CodeFixes.Retries;

/// <summary>Everything the rewrite needs to keep: attempts, delay, backoff, handled exceptions, token, the operation.</summary>
internal sealed class RetryPipelinePlan
{
    public RetryPipelinePlan(
        StatementSyntax loop,
        ImmutableArray<string> handledExceptionTypes,
        int maxRetryAttempts,
        string delayExpression,
        BackoffKind backoff,
        string? cancellationTokenExpression,
        bool isAsync,
        bool configureAwaitFalse,
        ImmutableArray<StatementSyntax> operationStatements,
        RetryLoopExit exit,
        ExpressionSyntax? returnedExpression,
        ThrowStatementSyntax? throwWhenExhausted,
        StatementSyntax? unreachableAfterLoop,
        ImmutableArray<StatementSyntax> declarationsToRemove,
        bool settingsAreStatic)
    {
        SettingsAreStatic = settingsAreStatic;
        Loop = loop;
        HandledExceptionTypes = handledExceptionTypes;
        MaxRetryAttempts = maxRetryAttempts;
        DelayExpression = delayExpression;
        Backoff = backoff;
        CancellationTokenExpression = cancellationTokenExpression;
        IsAsync = isAsync;
        ConfigureAwaitFalse = configureAwaitFalse;
        OperationStatements = operationStatements;
        Exit = exit;
        ReturnedExpression = returnedExpression;
        ThrowWhenExhausted = throwWhenExhausted;
        UnreachableAfterLoop = unreachableAfterLoop;
        DeclarationsToRemove = declarationsToRemove;
    }

    /// <summary>The same plan with the operation rewritten (the pipeline's token forwarded to its calls).</summary>
    public RetryPipelinePlan WithOperation(ImmutableArray<StatementSyntax> operationStatements, ExpressionSyntax? returnedExpression, string? cancellationTokenExpression, bool passesToken) =>
        new(Loop, HandledExceptionTypes, MaxRetryAttempts, DelayExpression, Backoff, cancellationTokenExpression, IsAsync, ConfigureAwaitFalse,
            operationStatements, Exit, returnedExpression, ThrowWhenExhausted, UnreachableAfterLoop, DeclarationsToRemove, SettingsAreStatic)
        {
            PassesToken = passesToken,
        };

    /// <summary>The operation hands the pipeline's token to a call: a synchronous callback then takes it too.</summary>
    public bool PassesToken { get; private set; }

    public StatementSyntax Loop { get; }
    public ImmutableArray<string> HandledExceptionTypes { get; }
    public int MaxRetryAttempts { get; }

    /// <summary>A TimeSpan expression for the first delay; <c>TimeSpan.Zero</c> for a tight retry.</summary>
    public string DelayExpression { get; }

    public BackoffKind Backoff { get; }
    public string? CancellationTokenExpression { get; }
    public bool IsAsync { get; }
    public bool ConfigureAwaitFalse { get; }

    /// <summary>The try block's statements without the final <c>break</c>/<c>return</c>.</summary>
    public ImmutableArray<StatementSyntax> OperationStatements { get; }

    public RetryLoopExit Exit { get; }
    public ExpressionSyntax? ReturnedExpression { get; }

    /// <summary>The <c>throw</c> after the loop that reports giving up; kept by catching the last failure.</summary>
    public ThrowStatementSyntax? ThrowWhenExhausted { get; }

    /// <summary>An unreachable statement after the loop that would become a warning once the loop is gone.</summary>
    public StatementSyntax? UnreachableAfterLoop { get; }

    /// <summary>Declarations only the loop used (the attempt counter of a while loop, <c>var delay = 100;</c> doubled in the catch).</summary>
    public ImmutableArray<StatementSyntax> DeclarationsToRemove { get; }

    /// <summary>The retry settings read nothing of an instance or a call: the pipeline can be a static field.</summary>
    public bool SettingsAreStatic { get; }
}
