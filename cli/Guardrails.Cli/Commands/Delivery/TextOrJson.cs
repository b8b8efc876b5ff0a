namespace Guardrails.Cli.Commands.Delivery;

/// <summary>The <c>--format</c> values of <c>pr-size</c> and <c>wip</c>.</summary>
internal enum TextOrJson
{
    Text,
    Json,
}
