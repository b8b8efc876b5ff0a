namespace Guardrails.Delivery.PullRequests;

/// <summary>A counted file of the pull request with its added and deleted lines.</summary>
public sealed record ChangedFile(string Path, int Added, int Deleted)
{
    public int ChangedLines => Added + Deleted;
}
