using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Guardrails.Analyzers.Benchmarks;

/// <summary>
/// A deterministic, compilable C# codebase shaped like line-of-business service code: collection processing
/// with per-item try/catch, file and HTTP I/O, worker and polling loops, paging, LINQ, parsing, caching,
/// recursion, and a small share of hand-written retries (the code Guardrails reports). The same seed always
/// gives the same text, so runs on different days compare.
/// </summary>
public static class SyntheticCodebase
{
    private static readonly string[] Nouns =
    [
        "Order", "Invoice", "Customer", "Payment", "Shipment", "Ledger", "Account", "Transfer", "Quote", "Refund",
        "Policy", "Claim", "Report", "Session", "Device", "Tenant", "Product", "Basket", "Voucher", "Statement",
    ];

    private static readonly Func<Random, string, int, string>[] MethodTemplates =
    [
        ProcessItemsWithLogging,
        ReadAndWriteFiles,
        CallHttpApi,
        RunWorkerLoop,
        PollUntilDeadline,
        ReadAllPages,
        QueryWithLinq,
        ParseRecords,
        CacheWithLock,
        WalkTree,
        FormatSummary,
        ValidateInput,
        RetryWithBackoff,
        RetryOnResult,
    ];

    /// <summary>Files of about 400 lines until <paramref name="minimumLines"/> is reached.</summary>
    public static IReadOnlyList<(string Path, string Text)> Generate(int seed, int minimumLines)
    {
        var random = new Random(seed);
        var files = new List<(string, string)>();
        var lines = 0;
        for (var index = 0; lines < minimumLines; index++)
        {
            var text = GenerateFile(random, index);
            files.Add(($"Generated/Service{index:D4}.cs", text));
            lines += CountLines(text);
        }

        return files;
    }

    public static int CountLines(string text)
    {
        var count = 1;
        foreach (var character in text)
        {
            if (character == '\n')
            {
                count++;
            }
        }

        return count;
    }

    private static string GenerateFile(Random random, int index)
    {
        var noun = Nouns[random.Next(Nouns.Length)];
        var className = string.Create(CultureInfo.InvariantCulture, $"{noun}Service{index}");
        var builder = new StringBuilder();
        builder.AppendLine("using System;");
        builder.AppendLine("using System.Collections.Generic;");
        builder.AppendLine("using System.Globalization;");
        builder.AppendLine("using System.IO;");
        builder.AppendLine("using System.Linq;");
        builder.AppendLine("using System.Net.Http;");
        builder.AppendLine("using System.Text;");
        builder.AppendLine("using System.Threading;");
        builder.AppendLine("using System.Threading.Tasks;");
        builder.AppendLine();
        builder.AppendLine(CultureInfo.InvariantCulture, $"namespace Contoso.Generated.Area{index % 17};");
        builder.AppendLine();
        builder.AppendLine(CultureInfo.InvariantCulture, $"public sealed record {className}Item(int Id, string Name, decimal Amount, DateTime CreatedAt);");
        builder.AppendLine();
        builder.AppendLine(CultureInfo.InvariantCulture, $"public sealed class {className}Node");
        builder.AppendLine("{");
        builder.AppendLine("    public List<" + className + "Node> Children { get; } = new();");
        builder.AppendLine("    public int Weight { get; set; }");
        builder.AppendLine("}");
        builder.AppendLine();
        builder.AppendLine(CultureInfo.InvariantCulture, $"public sealed class {className}");
        builder.AppendLine("{");
        builder.AppendLine("    private readonly HttpClient _client;");
        builder.AppendLine("    private readonly TextWriter _log;");
        builder.AppendLine("    private readonly Dictionary<string, string> _cache = new();");
        builder.AppendLine("    private readonly object _gate = new();");
        builder.AppendLine("    private readonly Queue<string> _pending = new();");
        builder.AppendLine("    private readonly Random _random = new(7);");
        builder.AppendLine();
        builder.AppendLine(CultureInfo.InvariantCulture, $"    public {className}(HttpClient client, TextWriter log)");
        builder.AppendLine("    {");
        builder.AppendLine("        _client = client;");
        builder.AppendLine("        _log = log;");
        builder.AppendLine("    }");
        var methodCount = 14 + random.Next(4);
        for (var method = 0; method < methodCount; method++)
        {
            // Bespoke retries are rare in real code: the last two templates are drawn about one method in 48
            // (about 90 retries per 100k lines, each of which the analyzers report).
            var template = random.Next(48) == 0
                ? MethodTemplates[MethodTemplates.Length - 1 - random.Next(2)]
                : MethodTemplates[random.Next(MethodTemplates.Length - 2)];
            builder.AppendLine();
            builder.Append(template(random, className, method));
        }

        builder.AppendLine("}");
        return builder.ToString();
    }

    private static string Number(Random random, int max) => random.Next(1, max).ToString(CultureInfo.InvariantCulture);

    private static string ProcessItemsWithLogging(Random random, string type, int index) => $$"""
            public int Process{{index}}(IReadOnlyList<{{type}}Item> items)
            {
                var processed = 0;
                foreach (var item in items)
                {
                    try
                    {
                        if (item.Amount > {{Number(random, 1000)}}m)
                        {
                            _log.WriteLine($"large item {item.Id}: {item.Amount}");
                        }

                        processed += item.Name.Length > 0 ? 1 : 0;
                    }
                    catch (InvalidOperationException exception)
                    {
                        _log.WriteLine($"item {item.Id} failed: {exception.Message}");
                    }
                }

                for (var position = 0; position < items.Count; position++)
                {
                    try
                    {
                        processed += items[position].Id % {{Number(random, 9)}} == 0 ? 1 : 0;
                    }
                    catch (ArgumentException exception)
                    {
                        _log.WriteLine(exception.Message);
                    }
                }

                return processed;
            }

        """;

    private static string ReadAndWriteFiles(Random random, string type, int index) => $$"""
            public async Task<int> Copy{{index}}Async(string source, string target, CancellationToken cancellationToken)
            {
                var lines = await File.ReadAllLinesAsync(source, cancellationToken).ConfigureAwait(false);
                var kept = new List<string>(lines.Length);
                foreach (var line in lines)
                {
                    if (line.Length > {{Number(random, 40)}} && !line.StartsWith('#'))
                    {
                        kept.Add(line.Trim());
                    }
                }

                using (var writer = new StreamWriter(target, append: false))
                {
                    foreach (var line in kept)
                    {
                        await writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
                    }
                }

                return kept.Count;
            }

        """;

    private static string CallHttpApi(Random random, string type, int index) => $$"""
            public async Task<{{type}}Item?> Fetch{{index}}Async(int id, CancellationToken cancellationToken)
            {
                using var response = await _client.GetAsync($"api/{{type.ToLowerInvariant()}}/{id}?v={{Number(random, 5)}}", cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    _log.WriteLine($"status {(int)response.StatusCode} for {id}");
                    return null;
                }

                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                var parts = body.Split(';');
                if (parts.Length < 3)
                {
                    return null;
                }

                return new {{type}}Item(
                    int.Parse(parts[0], CultureInfo.InvariantCulture),
                    parts[1],
                    decimal.Parse(parts[2], CultureInfo.InvariantCulture),
                    DateTime.UtcNow);
            }

        """;

    private static string RunWorkerLoop(Random random, string type, int index) => $$"""
            public async Task Run{{index}}Async(CancellationToken stoppingToken)
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    try
                    {
                        string? message = null;
                        lock (_gate)
                        {
                            if (_pending.Count > 0)
                            {
                                message = _pending.Dequeue();
                            }
                        }

                        if (message is null)
                        {
                            await Task.Delay({{Number(random, 500)}}, stoppingToken).ConfigureAwait(false);
                            continue;
                        }

                        _log.WriteLine(message);
                    }
                    catch (IOException exception)
                    {
                        _log.WriteLine(exception.Message);
                        await Task.Delay(TimeSpan.FromSeconds({{Number(random, 10)}}), stoppingToken).ConfigureAwait(false);
                    }
                }
            }

        """;

    private static string PollUntilDeadline(Random random, string type, int index) => $$"""
            public bool WaitFor{{index}}(string path, TimeSpan timeout)
            {
                var deadline = DateTime.UtcNow + timeout;
                while (DateTime.UtcNow < deadline)
                {
                    if (File.Exists(path))
                    {
                        return true;
                    }

                    Thread.Sleep({{Number(random, 200)}});
                }

                return false;
            }

        """;

    private static string ReadAllPages(Random random, string type, int index) => $$"""
            public async Task<List<string>> ReadPages{{index}}Async(CancellationToken cancellationToken)
            {
                var pages = new List<string>();
                string? next = "api/{{type.ToLowerInvariant()}}?page=1";
                while (next is not null && pages.Count < {{Number(random, 100)}})
                {
                    var page = await _client.GetStringAsync(next, cancellationToken).ConfigureAwait(false);
                    pages.Add(page);
                    var marker = page.IndexOf("next=", StringComparison.Ordinal);
                    next = marker < 0 ? null : page.Substring(marker + 5);
                }

                return pages;
            }

        """;

    private static string QueryWithLinq(Random random, string type, int index) => $$"""
            public IReadOnlyList<(string Name, decimal Total)> Summarise{{index}}(IEnumerable<{{type}}Item> items)
            {
                return items
                    .Where(item => item.Amount > {{Number(random, 50)}}m && item.CreatedAt.Year > 2000)
                    .GroupBy(item => item.Name)
                    .Select(group => (group.Key, group.Sum(item => item.Amount)))
                    .OrderByDescending(pair => pair.Item2)
                    .Take({{Number(random, 20)}})
                    .ToList();
            }

        """;

    private static string ParseRecords(Random random, string type, int index) => $$"""
            public List<{{type}}Item> Parse{{index}}(string text)
            {
                var result = new List<{{type}}Item>();
                var lineNumber = 0;
                foreach (var raw in text.Split('\n'))
                {
                    lineNumber++;
                    var fields = raw.Split(',');
                    switch (fields.Length)
                    {
                        case 0:
                        case 1:
                            continue;
                        case 2:
                            result.Add(new {{type}}Item(lineNumber, fields[0], 0m, DateTime.MinValue));
                            break;
                        default:
                            if (decimal.TryParse(fields[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
                            {
                                result.Add(new {{type}}Item(lineNumber, fields[0], amount * {{Number(random, 4)}}, DateTime.UtcNow));
                            }

                            break;
                    }
                }

                return result;
            }

        """;

    private static string CacheWithLock(Random random, string type, int index) => $$"""
            public string Lookup{{index}}(string key)
            {
                lock (_gate)
                {
                    if (_cache.TryGetValue(key, out var cached))
                    {
                        return cached;
                    }

                    var value = string.Concat(key.Reverse()) + "{{Number(random, 999)}}";
                    _cache[key] = value;
                    return value;
                }
            }

        """;

    private static string WalkTree(Random random, string type, int index) => $$"""
            public int Weigh{{index}}({{type}}Node node, int depth = 0)
            {
                if (depth > {{Number(random, 30)}})
                {
                    return 0;
                }

                var total = node.Weight;
                foreach (var child in node.Children)
                {
                    total += Weigh{{index}}(child, depth + 1);
                }

                return total;
            }

        """;

    private static string FormatSummary(Random random, string type, int index) => $$"""
            public string Format{{index}}(IReadOnlyCollection<{{type}}Item> items)
            {
                var builder = new StringBuilder();
                builder.Append("{{type}} summary: ").Append(items.Count).AppendLine(" items");
                foreach (var item in items.OrderBy(item => item.Id))
                {
                    builder.Append(item.Id.ToString(CultureInfo.InvariantCulture))
                        .Append('\t')
                        .Append(item.Name)
                        .Append('\t')
                        .AppendLine(item.Amount.ToString("F{{Number(random, 4)}}", CultureInfo.InvariantCulture));
                }

                return builder.ToString();
            }

        """;

    private static string ValidateInput(Random random, string type, int index) => $$"""
            public IReadOnlyList<string> Validate{{index}}({{type}}Item item)
            {
                var errors = new List<string>();
                if (string.IsNullOrWhiteSpace(item.Name))
                {
                    errors.Add("name is required");
                }
                else if (item.Name.Length > {{Number(random, 200)}})
                {
                    errors.Add("name is too long");
                }

                if (item.Amount < 0m)
                {
                    errors.Add("amount must not be negative");
                }

                if (item.CreatedAt > DateTime.UtcNow.AddMinutes({{Number(random, 10)}}))
                {
                    errors.Add("created in the future");
                }

                return errors;
            }

        """;

    private static string RetryWithBackoff(Random random, string type, int index) => $$"""
            public async Task<string> FetchWithRetry{{index}}Async(string url, CancellationToken cancellationToken)
            {
                for (var attempt = 1; attempt <= {{Number(random, 6) }}; attempt++)
                {
                    try
                    {
                        return await _client.GetStringAsync(url, cancellationToken).ConfigureAwait(false);
                    }
                    catch (HttpRequestException exception)
                    {
                        _log.WriteLine($"attempt {attempt} failed: {exception.Message}");
                        await Task.Delay((int)Math.Pow(2, attempt) * {{Number(random, 300)}} + _random.Next(50), cancellationToken).ConfigureAwait(false);
                    }
                }

                throw new InvalidOperationException("gave up");
            }

        """;

    private static string RetryOnResult(Random random, string type, int index) => $$"""
            public bool SendWithRetry{{index}}(string payload)
            {
                var sent = false;
                var attempts = 0;
                while (!sent && attempts < {{Number(random, 5)}})
                {
                    sent = TrySendBatch{{index}}(payload);
                    attempts++;
                    Thread.Sleep({{Number(random, 1000)}});
                }

                return sent;
            }

            private bool TrySendBatch{{index}}(string payload) => payload.Length % 2 == 0;

        """;
}
