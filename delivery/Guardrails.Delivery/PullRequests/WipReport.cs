using System;
using System.Collections.Generic;
using System.Linq;

namespace Guardrails.Delivery.PullRequests;

/// <summary>
/// Open pull requests counted per author and per team against the limits, and those open longer than the
/// maximum age (time since <c>createdAt</c>). Drafts are left out of everything unless included.
/// </summary>
public sealed record WipReport(WipLimits Limits, IReadOnlyList<WipCount> Authors, IReadOnlyList<WipCount> Teams, IReadOnlyList<(OpenPullRequest PullRequest, TimeSpan Age)> LongLived, int Counted, int DraftsLeftOut)
{
    public bool OverLimit => Authors.Concat(Teams).Any(count => count.OverLimit);

    public static WipReport Of(IReadOnlyList<OpenPullRequest> pullRequests, WipLimits limits, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pullRequests);
        ArgumentNullException.ThrowIfNull(limits);
        var counted = pullRequests.Where(pullRequest => limits.IncludeDrafts || !pullRequest.IsDraft).ToList();
        var authors = counted.GroupBy(pullRequest => pullRequest.Author, StringComparer.OrdinalIgnoreCase)
            .Select(group => new WipCount(group.Key, group.Select(pullRequest => pullRequest.Number).Order().ToList(), limits.MaxPerAuthor))
            .OrderByDescending(count => count.PullRequests.Count).ThenBy(count => count.Name, StringComparer.Ordinal).ToList();
        var teams = limits.Teams
            .Select(team => new WipCount(team.Key, counted.Where(pullRequest => team.Value.Contains(pullRequest.Author, StringComparer.OrdinalIgnoreCase)).Select(pullRequest => pullRequest.Number).Order().ToList(), limits.MaxPerTeam))
            .OrderBy(count => count.Name, StringComparer.Ordinal).ToList();
        var longLived = counted.Select(pullRequest => (PullRequest: pullRequest, Age: now - pullRequest.Created))
            .Where(item => item.Age > limits.MaxAge).OrderByDescending(item => item.Age).ToList();
        return new WipReport(limits, authors, teams, longLived, counted.Count, pullRequests.Count - counted.Count);
    }
}
