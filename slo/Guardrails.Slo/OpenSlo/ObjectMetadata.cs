using System.Collections.Generic;
using Guardrails.Slo.Reading;

namespace Guardrails.Slo.OpenSlo;

/// <summary>An object's <c>metadata</c>: its name, annotations in file order, and its single-valued labels.</summary>
internal sealed record ObjectMetadata(
    TextValue? Name,
    IReadOnlyList<KeyValuePair<TextValue, TextValue>> Annotations,
    IReadOnlyDictionary<string, string> Labels);
