namespace BrokenService;

/// <summary>Compiles fine; the build fails on the service's SLO files and runbook alone.</summary>
public sealed class SearchService
{
    public string Name => "search";
}
