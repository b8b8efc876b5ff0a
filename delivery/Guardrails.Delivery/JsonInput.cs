using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Guardrails.Diagnostics;

namespace Guardrails.Delivery;

/// <summary>
/// A JSON export read whole, with errors that name the file and the line and column (syntax) or the
/// JSON path (a missing or mistyped field) and the rule they break.
/// </summary>
internal sealed class JsonInput
{
    private JsonInput(string path, Rule rule, JsonDocument document)
    {
        Path = path;
        Rule = rule;
        Document = document;
    }

    public string Path { get; }

    public Rule Rule { get; }

    public JsonDocument Document { get; }

    public static JsonInput Read(string path, Rule rule, string what)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new DeliveryInputException(rule, SourceSpan.WholeFile(full), $"The {what} file '{full}' does not exist.");
        }

        try
        {
            using var stream = File.OpenRead(full);
            var document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return new JsonInput(full, rule, document);
        }
        catch (JsonException exception)
        {
            var line = (int)(exception.LineNumber ?? 0) + 1;
            var column = (int)(exception.BytePositionInLine ?? 0) + 1;
            throw new DeliveryInputException(rule, new SourceSpan(full, line, column, line, column), $"The {what} is not valid JSON: {exception.Message.Split(" Path:", StringSplitOptions.None)[0]}");
        }
    }

    public DeliveryInputException Error(string jsonPath, string message) =>
        new(Rule, SourceSpan.WholeFile(Path), $"{jsonPath}: {message}");

    public string RequiredString(JsonElement element, string jsonPath, string name)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value))
        {
            if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            {
                return text;
            }

            if (value.ValueKind == JsonValueKind.Number)
            {
                return value.GetRawText();
            }
        }

        throw Error($"{jsonPath}.{name}", $"is missing or not a non-empty string.");
    }

    public static string? OptionalString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    public DateTimeOffset RequiredTime(JsonElement element, string jsonPath, string name)
    {
        var text = RequiredString(element, jsonPath, name);
        return Timestamps.Parse(text) ?? throw Error($"{jsonPath}.{name}", $"'{text}' is not an ISO 8601 time with an offset, such as 2026-03-02T14:05:00Z.");
    }

    public DateTimeOffset? OptionalTime(JsonElement element, string jsonPath, string name)
    {
        var text = OptionalString(element, name);
        return text is null
            ? null
            : Timestamps.Parse(text) ?? throw Error($"{jsonPath}.{name}", $"'{text}' is not an ISO 8601 time with an offset, such as 2026-03-02T14:05:00Z.");
    }

    public static string Index(string jsonPath, int index) => jsonPath + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
