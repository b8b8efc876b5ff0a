using System.IO;
using Guardrails.Delivery;
using Guardrails.Diagnostics;

namespace Guardrails.Cli.Commands.Delivery;

/// <summary>Writes a report to <c>--out FILE</c> (creating its folder) or to standard output.</summary>
internal static class ReportOutput
{
    public static void Write(string? path, string text, TextWriter standardOutput)
    {
        if (path is null)
        {
            standardOutput.Write(text);
            return;
        }

        var full = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        catch (IOException exception)
        {
            throw new DeliveryInputException(DeliveryRules.InvalidOption, SourceSpan.WholeFile(full), $"--out '{full}' cannot be written: {exception.Message}");
        }
        catch (System.UnauthorizedAccessException exception)
        {
            throw new DeliveryInputException(DeliveryRules.InvalidOption, SourceSpan.WholeFile(full), $"--out '{full}' cannot be written: {exception.Message}");
        }
    }
}
