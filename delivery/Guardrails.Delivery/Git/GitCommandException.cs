using System;

namespace Guardrails.Delivery.Git;

/// <summary>git exited with an error; the message holds what git printed on standard error.</summary>
public sealed class GitCommandException : Exception
{
    public GitCommandException()
    {
    }

    public GitCommandException(string message)
        : base(message)
    {
    }

    public GitCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
