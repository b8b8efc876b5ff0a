using System;

namespace Guardrails.Gate.PromQl;

/// <summary>The text is not PromQL the gate can work with; <see cref="Exception.Message"/> says what and where.</summary>
public sealed class PromQlSyntaxException : Exception
{
    public PromQlSyntaxException(string message, int offset)
        : base(message)
    {
        Offset = offset;
    }

    public PromQlSyntaxException()
    {
    }

    public PromQlSyntaxException(string message)
        : base(message)
    {
    }

    public PromQlSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>0-based offset into the expression where the problem is.</summary>
    public int Offset { get; }
}
