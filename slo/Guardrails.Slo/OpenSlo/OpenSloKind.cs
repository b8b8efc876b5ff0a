namespace Guardrails.Slo.OpenSlo;

/// <summary>The object kinds of OpenSLO v1; the names are the values of <c>kind</c>.</summary>
internal enum OpenSloKind
{
    Service,
    SLO,
    SLI,
    DataSource,
    AlertPolicy,
    AlertCondition,
    AlertNotificationTarget,
}
