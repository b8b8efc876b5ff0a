using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// A <c>Connect</c> on a socket the same function made non-blocking: <c>socket.Blocking = false</c>, or
/// <c>new Socket(...) { Blocking = false }</c> stored in the variable the call is made on. Such a connect returns at
/// once (throwing <c>WouldBlock</c>) and the wait is whatever follows (<c>Socket.Select</c> or <c>Poll</c> with a
/// timeout), which GR2001 judges. Read from syntax in the function around the call: the receiver is matched by the
/// name it is written with.
/// </summary>
internal static class NonBlockingSocket
{
    public static bool IsConnectedOn(InvocationExpressionSyntax connect)
    {
        if (connect.Expression is not MemberAccessExpressionSyntax { Expression: var receiver }
            || TimeoutParameters.WrittenName(receiver) is not { Length: > 0 } socket
            || FunctionSyntax.Around(connect) is not { } function)
        {
            return false;
        }

        foreach (var node in function.DescendantNodes())
        {
            if (node is AssignmentExpressionSyntax { Left: var left, Right: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.FalseLiteralExpression } } assignment
                && TimeoutParameters.WrittenName(left) == "Blocking"
                && SetsBlockingOf(assignment, socket))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SetsBlockingOf(AssignmentExpressionSyntax assignment, string socket)
        => assignment.Left is MemberAccessExpressionSyntax { Expression: var target }
            ? TimeoutParameters.WrittenName(target) == socket
            : assignment.Parent is InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax creation }
                && creation.Parent switch
                {
                    EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax variable } => variable.Identifier.ValueText == socket,
                    AssignmentExpressionSyntax { Left: var stored } => TimeoutParameters.WrittenName(stored) == socket,
                    _ => false,
                };
}
