using System;
using System.Linq;

namespace Guardrails.Slo.Tests;

/// <summary>Whatever part of a file is there, the validator answers with findings, never an exception.</summary>
public sealed class RobustnessTests
{
    [Test]
    public void Every_prefix_of_the_samples_gives_findings_with_positions_inside_the_text()
    {
        var outside = new System.Collections.Generic.List<string>();
        foreach (var sample in new[] { Sample.OpenSlo, Sample.Sloth })
        {
            // A prime step lands on every kind of position (inside keys, values, indentation) without trying them all.
            for (var length = 0; length <= sample.Length; length += 13)
            {
                var text = sample.Substring(0, length);
                var lines = text.Count(character => character == '\n') + 1;
                foreach (var options in new[] { Validate.SpecOnly, Validate.Full })
                {
                    outside.AddRange(Validate.Text(text, options).Findings
                        .Where(finding => finding.Location.Line < 1 || finding.Location.Line > lines)
                        .Select(finding => finding + " (prefix of " + length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")"));
                }
            }
        }

        Assert.That(outside, Is.Empty);
    }

    [Test]
    public void Every_sample_with_one_line_removed_is_validated_without_an_exception()
    {
        foreach (var sample in new[] { Sample.OpenSlo, Sample.Sloth })
        {
            var lines = sample.Split('\n');
            for (var removed = 0; removed < lines.Length; removed++)
            {
                var text = string.Join('\n', lines.Where((_, index) => index != removed));

                Assert.DoesNotThrow(() => Validate.Text(text, Validate.Full));
            }
        }
    }

    [Test]
    public void Numeric_and_combined_kinds_are_not_kinds()
    {
        Assert.That(Validate.Text("apiVersion: openslo/v1\nkind: 1\nmetadata:\n  name: a\n").Only().Rule, Is.EqualTo(SloRules.InvalidValue));
        Assert.That(Validate.Text("apiVersion: openslo/v1\nkind: Service, SLO\nmetadata:\n  name: a\n").Only().Rule, Is.EqualTo(SloRules.InvalidValue));
    }

    [Test]
    public void Random_bytes_give_findings_not_exceptions()
    {
        const string Alphabet = "ab: -[]{}&*!|>'\"#%@`,?\n\t  0.9x";
        var random = new Random(20261127);
        for (var attempt = 0; attempt < 2000; attempt++)
        {
            var characters = new char[random.Next(1, 400)];
            for (var index = 0; index < characters.Length; index++)
            {
                characters[index] = Alphabet[random.Next(Alphabet.Length)];
            }

            Assert.DoesNotThrow(() => Validate.Text(new string(characters), Validate.Full));
        }
    }
}
