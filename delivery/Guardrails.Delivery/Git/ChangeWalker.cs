using System.Collections.Generic;

namespace Guardrails.Delivery.Git;

/// <summary>
/// The commits reachable from one commit and not from another (<c>git rev-list NEW ^OLD</c>), walked in
/// memory. Commits are visited by decreasing generation number, so every commit's marks are final when it
/// is visited, and the walk stops as soon as nothing only-new is left: a walk costs about the commits
/// between two deployments, not the whole history.
/// </summary>
internal sealed class ChangeWalker
{
    private readonly CommitGraph graph;
    private readonly int[] reachedFromNew;
    private readonly int[] reachedFromOld;
    private readonly int[] queued;
    private int walk;

    public ChangeWalker(CommitGraph graph)
    {
        this.graph = graph;
        reachedFromNew = new int[graph.Count];
        reachedFromOld = new int[graph.Count];
        queued = new int[graph.Count];
    }

    /// <summary>Commits reachable from <paramref name="newCommit"/> and not from <paramref name="oldCommit"/> (all of them when it is null).</summary>
    public List<int> Changes(int newCommit, int? oldCommit)
    {
        // Marks are stamped with the walk number, so nothing needs clearing between walks.
        walk++;
        var changes = new List<int>();
        var queue = new PriorityQueue<int, int>();
        var onlyNew = 0;
        Mark(newCommit, fromNew: true, fromOld: false, queue, ref onlyNew);
        if (oldCommit is { } old)
        {
            Mark(old, fromNew: false, fromOld: true, queue, ref onlyNew);
        }

        while (onlyNew > 0 && queue.TryDequeue(out var commit, out _))
        {
            var fromNew = reachedFromNew[commit] == walk;
            var fromOld = reachedFromOld[commit] == walk;
            if (fromNew && !fromOld)
            {
                onlyNew--;
                changes.Add(commit);
            }

            foreach (var parent in graph.ParentsOf(commit))
            {
                Mark(parent, fromNew, fromOld, queue, ref onlyNew);
            }
        }

        return changes;
    }

    private void Mark(int commit, bool fromNew, bool fromOld, PriorityQueue<int, int> queue, ref int onlyNew)
    {
        var wasOnlyNew = queued[commit] == walk && reachedFromNew[commit] == walk && reachedFromOld[commit] != walk;
        if (fromNew)
        {
            reachedFromNew[commit] = walk;
        }

        if (fromOld)
        {
            reachedFromOld[commit] = walk;
        }

        var isOnlyNew = reachedFromNew[commit] == walk && reachedFromOld[commit] != walk;
        if (queued[commit] != walk)
        {
            queued[commit] = walk;
            queue.Enqueue(commit, -graph.GenerationOf(commit));
            if (isOnlyNew)
            {
                onlyNew++;
            }
        }
        else if (wasOnlyNew && !isOnlyNew)
        {
            onlyNew--;
        }
    }
}
