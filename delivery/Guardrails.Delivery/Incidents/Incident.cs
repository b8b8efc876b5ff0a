using System;

namespace Guardrails.Delivery.Incidents;

/// <summary>
/// One production incident. <paramref name="Resolved"/> is null while it is open; <paramref name="Deployment"/>
/// names the deployment that caused it (a deployment id such as a tag name, or a commit hash), when known.
/// </summary>
public sealed record Incident(
    string Id,
    DateTimeOffset Opened,
    DateTimeOffset? Resolved,
    string? Service,
    string? Severity,
    string? Deployment);
