using System;
using Guardrails.Testing;

namespace Guardrails.Delivery.Tests;

/// <summary>
/// The history every DORA definition is checked against by hand (times UTC, January 2026; the 5th is a Monday):
/// <code>
/// c1 05 Mon 10:00                      v0.1 lightweight          -> deployed 05 10:00 (first: no changes counted)
/// c2 06 Tue 08:00, c3 07 Wed 08:00     v0.2 annotated 07 12:00   -> changes c2, c3: 28 h, 4 h
/// f1 08 Thu 09:00 on a branch, c4 08 Thu 10:00 on main, merge m 09 Fri 10:00
///                                      v0.3 annotated 13 Tue 10:00 -> changes f1, c4, m: 121 h, 120 h, 96 h
/// r1 authored 14 09:00, rebased onto m at 15 Thu 09:00; c5 15 Thu 12:00
///                                      v0.4 lightweight on c5    -> changes r1', c5: 3 h (committer date, not author date), 0 h
/// </code>
/// </summary>
internal sealed class SmallHistory : IDisposable
{
    public SmallHistory()
    {
        Git = GitHistory.Create();
        C1 = Git.Commit("2026-01-05T10:00:00Z");
        Git.LightweightTag("v0.1");
        Git.Commit("2026-01-06T08:00:00Z");
        Git.Commit("2026-01-07T08:00:00Z");
        Git.AnnotatedTag("v0.2", "2026-01-07T12:00:00Z");
        Git.Branch("feature");
        Git.Checkout("feature");
        Git.Commit("2026-01-08T09:00:00Z");
        Git.Checkout("main");
        Git.Commit("2026-01-08T10:00:00Z");
        Merge = Git.Merge("feature", "2026-01-09T10:00:00Z");
        Git.AnnotatedTag("v0.3", "2026-01-13T10:00:00Z");
        Git.Branch("topic", "v0.2");
        Git.Checkout("topic");
        Git.Commit("2026-01-14T09:00:00Z");
        Git.Rebase("main", "2026-01-15T09:00:00Z");
        Git.Checkout("main");
        Git.Git(null, "merge", "--ff-only", "--quiet", "topic");
        C5 = Git.Commit("2026-01-15T12:00:00Z");
        Git.LightweightTag("v0.4");
    }

    public GitHistory Git { get; }

    public string C1 { get; }

    public string Merge { get; }

    public string C5 { get; }

    public string Path => Git.Path;

    public void Dispose() => Git.Dispose();
}
