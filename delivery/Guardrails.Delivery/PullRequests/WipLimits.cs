using System;
using System.Collections.Generic;

namespace Guardrails.Delivery.PullRequests;

/// <summary>
/// The work-in-progress policy: open pull requests per author and per team (null: no limit), teams as
/// author lists, the age beyond which a pull request is listed as long-lived, and whether drafts count.
/// </summary>
public sealed record WipLimits(int? MaxPerAuthor, int? MaxPerTeam, IReadOnlyDictionary<string, IReadOnlyList<string>> Teams, TimeSpan MaxAge, bool IncludeDrafts);
