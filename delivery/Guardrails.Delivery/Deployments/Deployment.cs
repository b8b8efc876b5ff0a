using System;
using Guardrails.Diagnostics;

namespace Guardrails.Delivery.Deployments;

/// <summary>
/// One deployment to production: when it finished, which revision it shipped, and whether it succeeded.
/// <paramref name="Id"/> is what an incident export names to link an incident to it (a tag name,
/// <c>service@version</c>, a GitHub deployment id); <paramref name="Source"/> says where it was read, for errors.
/// </summary>
public sealed record Deployment(string Id, DateTimeOffset Time, string Revision, DeploymentOutcome Outcome, SourceSpan Source);
