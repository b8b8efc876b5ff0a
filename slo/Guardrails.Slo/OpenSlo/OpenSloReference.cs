using Guardrails.Slo.Reading;

namespace Guardrails.Slo.OpenSlo;

/// <summary>A field that names another object by its <c>metadata.name</c>, e.g. <c>spec.indicatorRef</c>.</summary>
internal sealed record OpenSloReference(OpenSloKind Kind, TextValue Name, string Field);
