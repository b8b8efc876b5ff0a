namespace Guardrails.Cli.Flags;

/// <summary>What turning a flag off did: it was on and is now off, or it was already off and nothing changed.</summary>
internal enum FlagSwitchResult
{
    TurnedOff,
    AlreadyOff,
}
