using System;
using System.IO;
using System.Text.Json;
using Guardrails.Gate;
using Guardrails.Gate.Record;
using Guardrails.Gate.Tests.Integration;

namespace Guardrails.Gate.Tests;

public sealed class DeploymentRecordWriterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private string path = null!;

    [SetUp]
    public void ChoosePath() => path = Path.Combine(Path.GetTempPath(), "guardrails-record-" + Guid.NewGuid().ToString("N"), "deployment.json");

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);

    [Test]
    public void Writes_service_version_steps_and_every_read_with_its_time_and_values()
    {
        DeploymentRecordWriter.Append(path, Plan("1.0.0", "10%"), Outcome(GateVerdict.Promote));

        var text = File.ReadAllText(path);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        var read = root.GetProperty("steps")[0].GetProperty("reads")[1];
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("schemaVersion").GetInt32(), Is.EqualTo(1));
            Assert.That(text, Does.Contain("\"selector\": \"track=\\\"canary\\\"\""), "quotes escaped the JSON way, readable");
            Assert.That(root.GetProperty("service").GetString(), Is.EqualTo("healthy"));
            Assert.That(root.GetProperty("version").GetString(), Is.EqualTo("1.0.0"));
            Assert.That(root.GetProperty("decision").GetString(), Is.EqualTo("promote"));
            Assert.That(root.GetProperty("steps")[0].GetProperty("step").GetString(), Is.EqualTo("10%"));
            Assert.That(read.GetProperty("timestamp").GetDateTimeOffset(), Is.EqualTo(Start.AddSeconds(30)));
            Assert.That(read.GetProperty("kind").GetString(), Is.EqualTo("bad"));
            Assert.That(read.GetProperty("measurements")[0].GetProperty("burnRate").GetString(), Is.EqualTo("Infinity"), "named literals keep an infinite burn rate");
            Assert.That(read.GetProperty("requestsPerSecond").GetDouble(), Is.EqualTo(12));
        });
    }

    [Test]
    public void The_same_version_gains_a_step_and_the_latest_decision()
    {
        DeploymentRecordWriter.Append(path, Plan("1.0.0", "10%"), Outcome(GateVerdict.Promote));
        var record = DeploymentRecordWriter.Append(path, Plan("1.0.0", "50%"), Outcome(GateVerdict.RollBack));

        Assert.Multiple(() =>
        {
            Assert.That(record.Steps, Has.Count.EqualTo(2));
            Assert.That(record.Steps[1].Step, Is.EqualTo("50%"));
            Assert.That(record.Decision, Is.EqualTo("rollback"));
            Assert.That(DeploymentRecordWriter.TryRead(path), Is.Not.Null.And.Property(nameof(DeploymentRecord.Steps)).Count.EqualTo(2));
        });
    }

    [Test]
    public void Another_version_starts_a_new_record()
    {
        DeploymentRecordWriter.Append(path, Plan("1.0.0", "10%"), Outcome(GateVerdict.Promote));

        var record = DeploymentRecordWriter.Append(path, Plan("1.0.1", null), Outcome(GateVerdict.Promote));

        Assert.Multiple(() =>
        {
            Assert.That(record.Version, Is.EqualTo("1.0.1"));
            Assert.That(record.Steps, Has.Count.EqualTo(1));
            Assert.That(record.Steps[0].Step, Is.EqualTo("1"), "unnamed steps are numbered");
        });
    }

    [Test]
    public void A_file_that_is_not_a_record_is_replaced()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "not json");

        var record = DeploymentRecordWriter.Append(path, Plan("1.0.0", "10%"), Outcome(GateVerdict.Inconclusive));

        Assert.Multiple(() =>
        {
            Assert.That(record.Decision, Is.EqualTo("inconclusive"));
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!), Has.Length.EqualTo(1), "no temporary file left behind");
        });
    }

    private static GatePlan Plan(string version, string? step) =>
        TestPlans.For("healthy", new Uri("http://prometheus.test/")) with { ServiceVersion = version, Step = step };

    private static GateOutcome Outcome(GateVerdict verdict) => new(
        new GateDecision(verdict, "because"),
        Start,
        Start.AddMinutes(1),
        [
            new GateRead(1, Start, ReadKind.Good, 12, [new SloMeasurement("availability", 0.0005, 0.5)], "fine"),
            new GateRead(2, Start.AddSeconds(30), ReadKind.Bad, 12, [new SloMeasurement("availability", 1, double.PositiveInfinity)], "burning"),
        ]);
}
