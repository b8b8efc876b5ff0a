namespace Guardrails.Slo.OpenSlo;

/// <summary>One entry of a list of references or inline objects, as read; all null when the entry was invalid.</summary>
internal sealed record ListItem<T>(OpenSloReference? Reference, ObjectMetadata? Metadata, T? Inline)
{
    public static ListItem<T> None { get; } = new(null, null, default);
}
