using System.Text;
using Guardrails.Testing;

namespace Guardrails.Slo.Tests;

/// <summary>Line endings and encodings do not move findings.</summary>
public sealed class PositionTests
{
    private static readonly string Broken = Sample.OpenSlo.With("target: 0.999", "target: 1.5");

    [Test]
    public void Crlf_line_endings_give_the_same_positions()
    {
        var finding = Validate.Text(Broken.Replace("\n", "\r\n", System.StringComparison.Ordinal)).Only();

        Assert.That(finding.At(), Is.EqualTo((43, 15)));
    }

    [Test]
    public void A_utf8_byte_order_mark_is_not_a_character_of_the_first_line()
    {
        using var directory = TemporaryFolder.Create("guardrails-slo-");
        var file = directory.Write("bom.yaml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("apiVersion: apps/v1\n")]);

        var finding = SloValidator.Validate([file], Validate.SpecOnly).Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.UnknownDocument, (1, 13))));
    }

    [Test]
    public void A_byte_order_mark_in_text_is_dropped_too()
    {
        Assert.That(Validate.Text("\uFEFF" + Sample.OpenSlo).Findings, Is.Empty);
    }

    [Test]
    public void A_byte_order_mark_starting_a_later_document_is_dropped_too()
    {
        var finding = Validate.Text("apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: checkout\n---\n\uFEFFapiVersion: apps/v1\n").Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.UnknownDocument, (6, 13))));
    }

    [Test]
    public void A_utf16_file_with_a_byte_order_mark_is_read()
    {
        using var directory = TemporaryFolder.Create("guardrails-slo-");
        var file = directory.Write("utf16.yaml", Encoding.Unicode.GetPreamble().Length == 2 ? [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Broken)] : []);

        Assert.That(SloValidator.Validate([file], Validate.SpecOnly).Only().At(), Is.EqualTo((43, 15)));
    }

    [Test]
    public void Findings_name_files_relative_to_the_base_directory_with_forward_slashes()
    {
        using var directory = TemporaryFolder.Create("guardrails-slo-");
        var file = directory.Write(System.IO.Path.Combine("slo", "checkout.yaml"), Broken);

        var finding = SloValidator.Validate([file], Validate.SpecOnly with { BaseDirectory = directory.Root }).Only();

        Assert.That(finding.Location.File, Is.EqualTo("slo/checkout.yaml"));
    }

    [Test]
    public void A_file_outside_the_base_directory_keeps_its_path()
    {
        using var directory = TemporaryFolder.Create("guardrails-slo-");
        var file = directory.Write("checkout.yaml", Broken);

        var finding = SloValidator.Validate([file], Validate.SpecOnly with { BaseDirectory = System.IO.Path.Combine(directory.Root, "elsewhere") }).Only();

        Assert.That(finding.Location.File, Is.EqualTo(file));
    }
}
