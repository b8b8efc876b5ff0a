using System.IO;
using System.Linq;
using Guardrails.Testing;

namespace Guardrails.Build.Tests;

public sealed class FindRepositoryRootTests
{
    [Test]
    public void The_repository_root_is_the_folder_above_the_project_that_holds_git()
    {
        using var repository = TemporaryFolder.Create("guardrails-task-");
        Directory.CreateDirectory(Path.Combine(repository.Root, ".git"));
        var project = Directory.CreateDirectory(Path.Combine(repository.Root, "src", "Checkout")).FullName;
        var task = new FindRepositoryRoot { BuildEngine = new MockEngine(), StartDirectory = project };

        Assert.That(task.Execute(), Is.True);
        Assert.That(task.RepositoryRoot, Is.EqualTo(repository.Root + Path.DirectorySeparatorChar));
    }

    [Test]
    public void A_git_file_marks_a_worktree_root_too()
    {
        using var repository = TemporaryFolder.Create("guardrails-task-");
        repository.Write(".git", "gitdir: /elsewhere/.git/worktrees/checkout\n");
        var task = new FindRepositoryRoot { BuildEngine = new MockEngine(), StartDirectory = repository.Root };

        Assert.That(task.Execute(), Is.True);
        Assert.That(task.RepositoryRoot, Is.EqualTo(repository.Root + Path.DirectorySeparatorChar));
    }

    [Test]
    public void Outside_a_repository_the_build_fails_with_the_setting_to_change()
    {
        using var folder = TemporaryFolder.Create("guardrails-task-");
        var engine = new MockEngine();
        var task = new FindRepositoryRoot { BuildEngine = engine, StartDirectory = folder.Root };

        // A temporary folder is not inside a clone on any machine these tests run on.
        Assume.That(HasGitAbove(folder.Root), Is.False);
        Assert.That(task.Execute(), Is.False);
        Assert.That(engine.Errors.Single().Code, Is.EqualTo("GR4900"));
        Assert.That(engine.Errors.Single().Message, Does.Contain("GuardrailsRootDirectory"));
    }

    private static bool HasGitAbove(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if (Path.Exists(Path.Combine(current.FullName, ".git")))
            {
                return true;
            }
        }

        return false;
    }
}
