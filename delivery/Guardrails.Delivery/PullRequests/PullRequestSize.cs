using System.Collections.Generic;
using System.Linq;

namespace Guardrails.Delivery.PullRequests;

/// <summary>What <c>guardrails pr-size</c> measured: the counted files, the left-out ones, the size and the verdict.</summary>
public sealed record PullRequestSize(
    string Base,
    string Head,
    IReadOnlyList<ChangedFile> Files,
    IReadOnlyList<ExcludedFile> Excluded,
    string Size,
    int? MaxLines,
    int? MaxFiles)
{
    public int Added => Files.Sum(file => file.Added);

    public int Deleted => Files.Sum(file => file.Deleted);

    public int ChangedLines => Added + Deleted;

    public bool OverLimit => (MaxLines is { } lines && ChangedLines > lines) || (MaxFiles is { } files && Files.Count > files);

    /// <summary>The counted files, most changed lines first (then by path).</summary>
    public IEnumerable<ChangedFile> Largest => Files.OrderByDescending(file => file.ChangedLines).ThenBy(file => file.Path, System.StringComparer.Ordinal);
}
