using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Guardrails.Delivery;
using Guardrails.Delivery.Git;
using Guardrails.Delivery.PullRequests;

namespace Guardrails.Cli.Commands.Delivery;

/// <summary><c>guardrails pr-size</c>: exit 0 within the limits (or overridden), 1 over them, 2 on an input error.</summary>
internal sealed class PrSizeRun(TextWriter output, TextWriter error)
{
    public const int OverLimitExitCode = 1;

    public int Run(PrSizeSettings settings)
    {
        try
        {
            var format = DeliveryOptions.Choice<TextOrJson>("--format", settings.Format);
            var thresholds = SizeThresholds.Parse(settings.Sizes);
            var maxLines = DeliveryOptions.Positive("--max-lines", settings.MaxLines);
            int? maxFiles = settings.MaxFiles is { } files ? DeliveryOptions.Positive("--max-files", files) : null;
            var largest = DeliveryOptions.Positive("--largest", settings.Largest);
            var baseRevision = settings.Base ?? throw new DeliveryInputException("--base is required: the branch the pull request merges into, such as origin/main.");
            var size = PullRequestSizer.Measure(GitRepository.Open(settings.Repository), baseRevision, settings.Head, thresholds, maxLines, maxFiles);
            output.Write(format == TextOrJson.Json ? Json(size, largest, settings.Override) : Text(size, largest, settings.Override));
            return size.OverLimit && !settings.Override ? OverLimitExitCode : 0;
        }
        catch (DeliveryInputException exception)
        {
            error.WriteLine(exception.Finding);
            return DoraRun.InputErrorExitCode;
        }
        catch (GitCommandException exception)
        {
            error.WriteLine($"guardrails pr-size: error {DeliveryRules.GitUnavailable.Id}: {exception.Message}");
            return DoraRun.InputErrorExitCode;
        }
    }

    private static string Text(PullRequestSize size, int largest, bool overridden)
    {
        var text = new StringBuilder();
        var limits = $"--max-lines {size.MaxLines}" + (size.MaxFiles is { } files ? $", --max-files {files}" : string.Empty);
        text.Append(CultureInfo.InvariantCulture, $"Pull request size: {size.Size} ({size.ChangedLines} changed lines, +{size.Added} -{size.Deleted}, in {size.Files.Count} files; {limits})\n");
        if (size.OverLimit)
        {
            text.Append(overridden
                ? "Over the limit, overridden (--override): reviewers, take the size into account.\n"
                : "Over the limit: split the pull request into smaller ones that each keep the build green, or get the override approved.\n");
        }

        if (size.Files.Count > 0)
        {
            text.Append("\nLargest files:\n");
            foreach (var file in size.Largest.Take(largest))
            {
                text.Append(CultureInfo.InvariantCulture, $"  +{file.Added} -{file.Deleted}  {file.Path}\n");
            }
        }

        if (size.Excluded.Count > 0)
        {
            text.Append("\nLeft out:\n");
            foreach (var file in size.Excluded)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {file.Path} ({file.Reason})\n");
            }
        }

        return text.ToString();
    }

    private static string Json(PullRequestSize size, int largest, bool overridden)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("base", size.Base);
            json.WriteString("head", size.Head);
            json.WriteNumber("added", size.Added);
            json.WriteNumber("deleted", size.Deleted);
            json.WriteNumber("changedLines", size.ChangedLines);
            json.WriteNumber("files", size.Files.Count);
            json.WriteStartArray("excluded");
            foreach (var file in size.Excluded)
            {
                json.WriteStartObject();
                json.WriteString("path", file.Path);
                json.WriteString("reason", file.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("size", size.Size);
            json.WriteBoolean("overLimit", size.OverLimit);
            json.WriteBoolean("overridden", overridden && size.OverLimit);
            json.WriteNumber("maxLines", size.MaxLines!.Value);
            if (size.MaxFiles is { } files)
            {
                json.WriteNumber("maxFiles", files);
            }
            else
            {
                json.WriteNull("maxFiles");
            }

            json.WriteStartArray("largest");
            foreach (var file in size.Largest.Take(largest))
            {
                json.WriteStartObject();
                json.WriteString("path", file.Path);
                json.WriteNumber("added", file.Added);
                json.WriteNumber("deleted", file.Deleted);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
