namespace MultiTargetService;

/// <summary>Compiles for both frameworks; the runbook beside it is checked once.</summary>
public sealed class Library
{
    public string Name => "multi-target";
}
