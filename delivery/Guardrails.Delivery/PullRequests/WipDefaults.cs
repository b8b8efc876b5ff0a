namespace Guardrails.Delivery.PullRequests;

/// <summary>
/// The defaults of the work-in-progress policy: <c>guardrails wip</c> and the pull request templates both
/// read them from here.
/// </summary>
public static class WipDefaults
{
    /// <summary>Most open pull requests per author.</summary>
    public const int MaxPerAuthor = 2;

    /// <summary>Pull requests open longer than this are listed as long-lived (a duration: d, h or m).</summary>
    public const string MaxAge = "3d";

    /// <summary>Most open pull requests per team; null is no limit (the templates write it as 0).</summary>
    public static int? MaxPerTeam => null;

    /// <summary>Drafts are left out of the counts unless asked for.</summary>
    public const bool IncludeDrafts = false;
}
