using System.Collections.Generic;
using Guardrails.Slo.Reading;

namespace Guardrails.Slo.OpenSlo;

/// <summary>An object's <c>metadata</c>: its name, annotations in file order, and its single-valued labels.</summary>
/// <param name="Name">The name when it is valid.</param>
/// <param name="WrittenName">The name as written, valid or not, for messages about the object.</param>
internal sealed record ObjectMetadata(
    TextValue? Name,
    TextValue? WrittenName,
    IReadOnlyList<KeyValuePair<TextValue, TextValue>> Annotations,
    IReadOnlyDictionary<string, string> Labels);
