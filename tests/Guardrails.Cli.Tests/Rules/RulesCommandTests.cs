using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.Cli.Commands.Rules;
using Guardrails.Diagnostics;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Prometheus.Rules;
using Guardrails.Testing;

namespace Guardrails.Cli.Tests.Rules;

public sealed class RulesCommandTests
{
    private static readonly RuleGeneratorInfo Generator = new("0.0.0-test");

    private TemporaryFolder folder = null!;
    private StringWriter output = new();
    private StringWriter error = new();

    private string OutputDirectory => Path.Combine(folder.Root, "rules");

    [SetUp]
    public void CreateDirectory()
    {
        folder = TemporaryFolder.Create("guardrails-rules-");
        output = new StringWriter();
        error = new StringWriter();
    }

    [TearDown]
    public void DeleteDirectory()
    {
        folder.Dispose();
        output.Dispose();
        error.Dispose();
    }

    [Test]
    public void Missing_out_option_is_a_usage_error()
    {
        File.WriteAllText(Path.Combine(folder.Root, "slo.yaml"), "version: prometheus/v1\n");

        var exitCode = Run(new RulesSettings { Paths = [folder.Root] });

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(RuleGeneration.UsageError));
            Assert.That(error.ToString(), Does.Contain("--out DIR is required"));
        });
    }

    [Test]
    public void A_path_that_does_not_exist_is_a_usage_error_naming_it()
    {
        var missing = Path.Combine(folder.Root, "no-such-folder");

        var exitCode = Run(new RulesSettings { Paths = [missing], OutputDirectory = OutputDirectory });

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(RuleGeneration.UsageError));
            Assert.That(error.ToString(), Does.Contain(missing));
        });
    }

    [Test]
    public void A_folder_without_yaml_files_is_a_usage_error_rather_than_a_silent_success()
    {
        File.WriteAllText(Path.Combine(folder.Root, "README.md"), "# not an SLO\n");

        var exitCode = Run(new RulesSettings { Paths = [folder.Root], OutputDirectory = OutputDirectory });

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(RuleGeneration.UsageError));
            Assert.That(error.ToString(), Does.Contain("no SLO files"));
        });
    }

    [Test]
    public void Slo_file_errors_are_printed_in_canonical_form_and_nothing_is_written()
    {
        var empty = Path.Combine(folder.Root, "empty.yaml");
        File.WriteAllText(empty, string.Empty);

        var exitCode = Run(new RulesSettings { Paths = [folder.Root], OutputDirectory = OutputDirectory });

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(RuleGeneration.SloErrors));
            Assert.That(output.ToString(), Does.Match(@"empty\.yaml\(1,1,\d+,\d+\): error GR3\d{3}: "));
            Assert.That(error.ToString(), Does.Contain("no rules were written"));
            Assert.That(Directory.Exists(OutputDirectory), Is.False);
        });
    }

    [TestCase("obj")]
    [TestCase("bin")]
    [TestCase("node_modules")]
    [TestCase(".cache")]
    public void Build_output_and_hidden_folders_are_not_searched_for_slo_files(string skippedFolder)
    {
        Directory.CreateDirectory(Path.Combine(folder.Root, skippedFolder));
        File.WriteAllText(Path.Combine(folder.Root, skippedFolder, "checkout.rules.yml"), "groups: [");

        var exitCode = Run(new RulesSettings { Paths = [folder.Root], OutputDirectory = OutputDirectory });

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(RuleGeneration.UsageError));
            Assert.That(error.ToString(), Does.Not.Contain("GR3"));
        });
    }

    [Test]
    public void Valid_slos_give_one_rule_file_per_service_named_after_it()
    {
        var exitCode = new RuleGeneration(output, error).Write([Slo("payments", "latency"), Slo("checkout", "availability"), Slo("payments", "availability")], OutputDirectory, Generator);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(RuleGeneration.Success));
            Assert.That(Directory.GetFiles(OutputDirectory), Is.EquivalentTo(new[]
            {
                Path.Combine(OutputDirectory, "checkout.rules.yml"),
                Path.Combine(OutputDirectory, "payments.rules.yml"),
            }));
            Assert.That(File.ReadAllText(Path.Combine(OutputDirectory, "payments.rules.yml")), Does.Contain("name: sloth-slo-alerts-payments-latency"));
            Assert.That(output.ToString(), Does.Contain("payments.rules.yml (2 SLOs)"));
        });
    }

    [Test]
    public void An_slo_that_cannot_become_rules_is_reported_at_its_source_and_nothing_is_written()
    {
        var tooShort = Slo("payments", "latency") with
        {
            TimeWindow = TimeSpan.FromDays(1),
            Source = new SourceSpan("slo/payments.yaml", 4, 5, 4, 18),
        };

        var exitCode = new RuleGeneration(output, error).Write([Slo("checkout", "availability"), tooShort], OutputDirectory, Generator);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(RuleGeneration.SloErrors));
            Assert.That(output.ToString(), Does.StartWith("slo/payments.yaml(4,5,4,18): error : SLO 'payments-latency' has a time window of 1d"));
            Assert.That(Directory.Exists(OutputDirectory), Is.False);
        });
    }

    [Test]
    public void Rule_files_do_not_depend_on_the_order_slos_were_read_in()
    {
        var forward = ServiceRuleFiles.Create([Slo("payments", "availability"), Slo("payments", "latency")], Generator);
        var backward = ServiceRuleFiles.Create([Slo("payments", "latency"), Slo("payments", "availability")], Generator);

        Assert.That(backward, Is.EqualTo(forward));
    }

    [Test]
    public void Within_a_service_file_slos_are_ordered_by_name()
    {
        var text = ServiceRuleFiles.Create([Slo("payments", "latency"), Slo("payments", "availability")], Generator)[0].Text;

        Assert.That(
            text.IndexOf("sloth-slo-sli-recordings-payments-availability", StringComparison.Ordinal),
            Is.LessThan(text.IndexOf("sloth-slo-sli-recordings-payments-latency", StringComparison.Ordinal)));
    }

    [Test]
    public void Rules_command_is_registered_and_reports_usage_errors_with_exit_code_2()
    {
        var originalError = Console.Error;
        Console.SetError(error);
        try
        {
            var exitCode = Program.CreateApp().Run(["rules", Path.Combine(folder.Root, "missing")]);

            Assert.That(exitCode, Is.EqualTo(RuleGeneration.UsageError));
        }
        finally
        {
            Console.SetError(originalError);
        }
    }

    private int Run(RulesSettings settings) => new RuleGeneration(output, error).Run(settings);

    private static PrometheusSlo Slo(string service, string name) => new()
    {
        Service = service,
        Name = name,
        Objective = 0.999,
        Sli = new SliQuery.Events("sum(rate(errors_total[{{.window}}]))", "sum(rate(requests_total[{{.window}}]))"),
        Labels = new Dictionary<string, string>(),
    };
}
