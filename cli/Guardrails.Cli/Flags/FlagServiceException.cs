using System;

namespace Guardrails.Cli.Flags;

/// <summary>The flag service answered with an error, or not at all; the message says which and what to check.</summary>
internal sealed class FlagServiceException : Exception
{
    public FlagServiceException(string message)
        : base(message)
    {
    }

    public FlagServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FlagServiceException()
    {
    }
}
