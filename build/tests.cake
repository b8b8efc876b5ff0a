// Reads the TRX files of a test run and counts outcomes, so CI's last line reports what actually ran.
public sealed record TestSummary(int Passed, int Failed, int Skipped)
{
    public static TestSummary FromTrxFiles(IEnumerable<FilePath> trxFiles)
    {
        var passed = 0;
        var failed = 0;
        var skipped = 0;
        foreach (var file in trxFiles)
        {
            var counters = System.Xml.Linq.XDocument.Load(file.FullPath)
                .Descendants()
                .FirstOrDefault(element => element.Name.LocalName == "Counters");
            if (counters is null)
            {
                throw new CakeException($"{file}: no <Counters> element; the test run did not finish.");
            }

            int Count(string name) => int.Parse(counters.Attribute(name)?.Value ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            passed += Count("passed");
            failed += Count("failed") + Count("error") + Count("timeout") + Count("aborted");
            skipped += Count("notExecuted");
        }

        return new TestSummary(passed, failed, skipped);
    }

    public override string ToString() =>
        Skipped > 0 ? $"{Passed} passed, {Failed} failed, {Skipped} skipped" : $"{Passed} passed, {Failed} failed";
}
