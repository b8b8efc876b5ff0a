using System;
using System.IO;
using Guardrails.RealWorldCorpus;

// Usage: RealWorldCorpus --sources DIR [--labels FILE]
// DIR holds one checkout per labelled repository at DIR/owner/name, each with a .corpus-commit file naming the
// commit it holds (fetch-sources.sh DIR makes them). Prints recall and false alarms as Markdown.
string? sources = null;
var labelFile = Path.Combine(AppContext.BaseDirectory, "labels.tsv");
for (var index = 0; index < args.Length; index++)
{
    switch (args[index])
    {
        case "--sources" when index + 1 < args.Length:
            sources = Path.GetFullPath(args[++index]);
            break;
        case "--labels" when index + 1 < args.Length:
            labelFile = Path.GetFullPath(args[++index]);
            break;
        default:
            Console.Error.WriteLine($"error: unknown argument '{args[index]}'. Usage: RealWorldCorpus --sources DIR [--labels FILE]");
            return 2;
    }
}

if (sources is null || !Directory.Exists(sources))
{
    Console.Error.WriteLine("error: --sources DIR is required and must exist (make it with benchmarks/RealWorldCorpus/fetch-sources.sh DIR).");
    return 2;
}

try
{
    var labels = CorpusLabel.Read(labelFile);
    var run = new CorpusRun(sources);
    var verdicts = await run.JudgeAsync(labels).ConfigureAwait(false);
    CorpusReport.Write(verdicts, run, Console.Out);
    return 0;
}
catch (CorpusInputException exception)
{
    Console.Error.WriteLine($"error: {exception.Message}");
    return 1;
}
