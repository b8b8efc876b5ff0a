using Guardrails.Pipelines.Yaml;

namespace Guardrails.Pipelines.Tests;

public sealed class YamlDocumentWriterTests
{
    [Test]
    public void Writes_header_comments_comments_above_keys_and_trailing_comments()
    {
        var root = new YamlMapping()
            .Add("permissions", new YamlMapping().Add("contents", "read"), "Why: read only.")
            .Add("steps", new YamlSequence().Add(new YamlMapping()
                .Add("uses", YamlScalar.Text("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683", "v4.2.2"))
                .Add("run", YamlScalar.Script("set -eu\necho \"$X\"\n"))
                .Add("flag", "on")
                .Add("expr", "${{ inputs.service }}")));

        var text = YamlDocumentWriter.Write(["Generated."], root);

        Assert.That(text, Is.EqualTo("""
            # Generated.
            # Why: read only.
            permissions:
              contents: read
            steps:
              - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
                run: |
                  set -eu
                  echo "$X"
                flag: 'on'
                expr: ${{ inputs.service }}

            """.ReplaceLineEndings("\n")));
    }

    [TestCase("on", "'on'")]
    [TestCase("No", "'No'")]
    [TestCase("10", "'10'")]
    [TestCase("14.4", "'14.4'")]
    [TestCase("", "''")]
    [TestCase("null", "'null'")]
    [TestCase("8.0.x", "8.0.x")]
    [TestCase("ubuntu-latest", "ubuntu-latest")]
    [TestCase("10,25,50,100", "10,25,50,100")]
    public void Text_that_would_read_as_another_type_is_quoted(string value, string written)
    {
        var text = YamlDocumentWriter.Write([], new YamlMapping().Add("key", value));

        Assert.That(text, Is.EqualTo($"key: {written}\n"));
    }
}
