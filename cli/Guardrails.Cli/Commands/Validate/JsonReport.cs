using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Guardrails.Diagnostics;
using Guardrails.Slo.Projects;

namespace Guardrails.Cli.Commands.Validate;

/// <summary>
/// The findings as one JSON document, for scripts: <c>{"findings":[{"ruleId","severity","message","file",
/// "line","column","endLine","endColumn","helpUri"}],"errorCount","warningCount","fileCount"}</c>.
/// </summary>
internal static class JsonReport
{
    public static void Write(ProjectValidationResult result, int fileCount, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("findings");
            foreach (var finding in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.Rule.Id);
                json.WriteString("severity", SeverityName(finding.Severity));
                json.WriteString("message", finding.Message);
                json.WriteString("file", finding.Location.File);
                json.WriteNumber("line", finding.Location.Line);
                json.WriteNumber("column", finding.Location.Column);
                json.WriteNumber("endLine", finding.Location.EndLine);
                json.WriteNumber("endColumn", finding.Location.EndColumn);
                json.WriteString("helpUri", finding.Rule.HelpLink);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("errorCount", result.Findings.Count(finding => finding.Severity == Severity.Error));
            json.WriteNumber("warningCount", result.Findings.Count(finding => finding.Severity == Severity.Warning));
            json.WriteNumber("fileCount", fileCount);
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
