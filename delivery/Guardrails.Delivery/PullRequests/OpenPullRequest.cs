using System;
using System.Collections.Generic;

namespace Guardrails.Delivery.PullRequests;

/// <summary>An open pull request as <c>gh pr list</c> or <c>az repos pr list</c> describes it.</summary>
public sealed record OpenPullRequest(int Number, string Author, bool IsDraft, DateTimeOffset Created, IReadOnlyList<string> Labels);
