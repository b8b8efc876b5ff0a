using System;
using System.Collections.Generic;
using System.Globalization;

namespace Guardrails.Delivery.Git;

/// <summary>
/// Every commit reachable from a set of tips, with parents, committer date and generation number, read
/// from one <c>git rev-list --parents --timestamp --topo-order</c> stream. Commits are small integers so
/// the change walks touch arrays, not dictionaries.
/// </summary>
internal sealed class CommitGraph
{
    private readonly Dictionary<string, int> indexes;
    private readonly string[] hashes;
    private readonly int[][] parents;
    private readonly long[] committerSeconds;
    private readonly int[] generations;

    private CommitGraph(Dictionary<string, int> indexes, string[] hashes, int[][] parents, long[] committerSeconds, int[] generations)
    {
        this.indexes = indexes;
        this.hashes = hashes;
        this.parents = parents;
        this.committerSeconds = committerSeconds;
        this.generations = generations;
    }

    public int Count => hashes.Length;

    public static CommitGraph Load(GitRepository repository, IReadOnlyCollection<string> tips)
    {
        var lines = new List<string[]>();
        if (tips.Count > 0)
        {
            foreach (var line in repository.Git.Stream(["rev-list", "--parents", "--timestamp", "--topo-order", "--stdin"], tips))
            {
                if (line.Length > 0)
                {
                    lines.Add(line.Split(' '));
                }
            }
        }

        var indexes = new Dictionary<string, int>(lines.Count, StringComparer.Ordinal);
        var hashes = new string[lines.Count];
        var seconds = new long[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            hashes[i] = lines[i][1];
            seconds[i] = long.Parse(lines[i][0], NumberStyles.Integer, CultureInfo.InvariantCulture);
            indexes[hashes[i]] = i;
        }

        var parents = new int[lines.Count][];
        for (var i = 0; i < lines.Count; i++)
        {
            var fields = lines[i];
            var own = new int[fields.Length - 2];
            for (var p = 2; p < fields.Length; p++)
            {
                own[p - 2] = indexes[fields[p]];
            }

            parents[i] = own;
        }

        // Topological order lists every child before its parents, so walking it backwards meets parents first.
        var generations = new int[lines.Count];
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var generation = 1;
            foreach (var parent in parents[i])
            {
                generation = Math.Max(generation, generations[parent] + 1);
            }

            generations[i] = generation;
        }

        return new CommitGraph(indexes, hashes, parents, seconds, generations);
    }

    public int IndexOf(string hash) => indexes[hash];

    public string HashOf(int commit) => hashes[commit];

    public DateTimeOffset CommitterDate(int commit) => DateTimeOffset.FromUnixTimeSeconds(committerSeconds[commit]);

    internal int[] ParentsOf(int commit) => parents[commit];

    internal int GenerationOf(int commit) => generations[commit];
}
