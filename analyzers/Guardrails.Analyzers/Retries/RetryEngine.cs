using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// A retry engine is code whose job is to run a retry policy: instead of deciding itself, it asks a policy
/// object whether to go again (<c>ShouldRetry(...)</c>, <c>ShouldRetryOn(ex)</c>, <c>CanRetry(...)</c>) and how long to
/// wait (<c>GetNextDelay(...)</c>, <c>GetRetryDelay(...)</c>, or an <c>out TimeSpan</c> of the decision call). EF Core's
/// ExecutionStrategy, the Azure SDK's retry policy and a database driver's reconnect policy look like this.
/// Telling their authors to "use Polly" is no help: the policy is already a separate, configurable object.
/// </summary>
internal static class RetryEngine
{
    public static bool Recognises(IOperation region)
    {
        // ShouldRetryTransaction(context, ex, attempt, out var delay): one call answers both whether and how long,
        // so the policy lives outside the loop even when the engine's own type declares it.
        if (OperationSearch.DescendantsInSameBody(region).Prepend(region)
            .OfType<IInvocationOperation>()
            .Any(call => IsDecision(call.TargetMethod.Name) && call.Arguments.Any(argument => argument.Parameter is { RefKind: RefKind.Out } parameter && IsDuration(parameter.Type))))
        {
            return true;
        }

        var policyCalls = OperationSearch.DescendantsInSameBody(region).Prepend(region)
            .OfType<IInvocationOperation>()
            .Where(IsOnPolicy)
            .ToArray();
        var decision = policyCalls.FirstOrDefault(call => IsDecision(call.TargetMethod.Name));
        if (decision is null)
        {
            return false;
        }

        return decision.Arguments.Any(argument => argument.Parameter?.RefKind == RefKind.Out) ||
            policyCalls.Any(call => !call.TargetMethod.ReturnsVoid && AsksForDelay(call.TargetMethod.Name));
    }

    private static bool IsDuration(ITypeSymbol type) =>
        type.Name == "TimeSpan" || type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Double;

    private static bool IsDecision(string name) =>
        name.StartsWith("ShouldRetry", StringComparison.Ordinal) ||
        name.StartsWith("CanRetry", StringComparison.Ordinal) ||
        name.StartsWith("TryGetRetry", StringComparison.Ordinal);

    private static bool AsksForDelay(string name) =>
        name.IndexOf("Delay", StringComparison.Ordinal) >= 0 ||
        name.IndexOf("Backoff", StringComparison.Ordinal) >= 0 ||
        name.IndexOf("Interval", StringComparison.Ordinal) >= 0;

    /// <summary>The call goes to a policy: its receiver's type (or, for <c>this</c>, the engine's own type) is a retry policy or strategy.</summary>
    private static bool IsOnPolicy(IInvocationOperation call)
    {
        var receiverType = call.Instance?.Type ?? call.TargetMethod.ContainingType;
        for (var type = receiverType; type is not null; type = type.BaseType)
        {
            if (IsPolicyName(type.Name))
            {
                return true;
            }
        }

        return receiverType?.AllInterfaces.Any(candidate => IsPolicyName(candidate.Name)) == true;
    }

    private static bool IsPolicyName(string name) =>
        name.IndexOf("Retry", StringComparison.Ordinal) >= 0 ||
        name.IndexOf("Policy", StringComparison.Ordinal) >= 0 ||
        name.IndexOf("Strategy", StringComparison.Ordinal) >= 0;
}
