using System;
using System.IO;
using Guardrails.Pipelines.Bundle;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Templates;

/// <summary>
/// <c>guardrails templates publish --bundle ZIP --templates-repository REPO</c>: commits the bundle to the
/// repository's default branch, tags it vX.Y.Z and prints the tag's commit SHA, the value users pin.
/// </summary>
public sealed class PublishTemplatesCommand : Command<PublishTemplatesSettings>
{
    public override int Execute(CommandContext context, PublishTemplatesSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.Bundle) || string.IsNullOrWhiteSpace(settings.TemplatesRepository))
        {
            Console.Error.WriteLine("error: --bundle and --templates-repository are both required.");
            return Program.UsageErrorExitCode;
        }

        var scratch = Directory.CreateTempSubdirectory("guardrails-publish-").FullName;
        try
        {
            // git runs in a scratch folder: a local repository path is made absolute first; a URL is passed as is.
            var repository = Directory.Exists(settings.TemplatesRepository) ? Path.GetFullPath(settings.TemplatesRepository) : settings.TemplatesRepository;
            var release = TemplateRepositoryPublisher.Publish(Path.GetFullPath(settings.Bundle), repository, scratch);
            Console.Out.WriteLine($"Published {release.Tag} on {release.Branch} of {settings.TemplatesRepository}.");
            Console.Out.WriteLine($"Pin it as {release.CommitSha} # {release.Tag}");
            Console.Out.WriteLine(release.CommitSha);
            return 0;
        }
        catch (TemplatePublishException exception)
        {
            Console.Error.WriteLine("error: " + exception.Message);
            return Program.UsageErrorExitCode;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
