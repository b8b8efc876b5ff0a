namespace Guardrails.Delivery.PullRequests;

/// <summary>
/// The defaults of the pull request size policy: <c>guardrails pr-size</c> and the pull request templates
/// both read them from here. The size thresholds' default is <see cref="SizeThresholds.DefaultText"/>.
/// </summary>
public static class PullRequestSizeDefaults
{
    /// <summary>Most changed lines (added + deleted) a pull request may have.</summary>
    public const int MaxLines = 400;

    /// <summary>Most counted files; null is no limit (the templates write it as 0).</summary>
    public static int? MaxFiles => null;
}
