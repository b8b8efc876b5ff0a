using System.Collections.Generic;

namespace Guardrails.Delivery.PullRequests;

/// <summary>The open pull requests of one author or team, and whether they exceed its limit.</summary>
public sealed record WipCount(string Name, IReadOnlyList<int> PullRequests, int? Limit)
{
    public bool OverLimit => Limit is { } limit && PullRequests.Count > limit;
}
