using System;
using Guardrails.Diagnostics;

namespace Guardrails.Delivery;

/// <summary>
/// Input the delivery commands cannot use: a repository, export or option value. Carries the finding the
/// command prints (file, line, column, rule) instead of a stack trace.
/// </summary>
public sealed class DeliveryInputException : Exception
{
    public DeliveryInputException(Rule rule, SourceSpan location, string message)
        : base(message)
    {
        Finding = new Finding(rule, location, message);
    }

    public DeliveryInputException()
        : this("The delivery input cannot be used.")
    {
    }

    public DeliveryInputException(string message)
        : this(DeliveryRules.InvalidOption, SourceSpan.WholeFile("guardrails"), message)
    {
    }

    public DeliveryInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Finding = new Finding(DeliveryRules.InvalidOption, SourceSpan.WholeFile("guardrails"), message);
    }

    public Finding Finding { get; }
}
