namespace Guardrails.Cli.Commands.Validate;

internal enum ReportFormat
{
    Text,
    Json,
    Sarif,
}
