using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Guardrails.Testing;
using Spectre.Console.Cli;

namespace Guardrails.Documentation.Tests;

/// <summary>
/// Every option of every <c>guardrails</c> command is written down on the page that documents the command,
/// as <c>`--name</c>, so an option added to the CLI without its documentation fails here.
/// </summary>
public sealed class CommandOptionDocumentationTests
{
    /// <summary>The page of each command folder under cli/Guardrails.Cli/Commands (the settings' namespace).</summary>
    private static readonly Dictionary<string, string> PageOfCommandFolder = new(StringComparer.Ordinal)
    {
        ["Validate"] = "validate.md",
        ["Rules"] = "prometheus-rules.md",
        ["Templates"] = "templates.md",
        ["Gate"] = "gate.md",
        ["Analysis"] = "kubernetes.md",
        ["Flags"] = "flags.md",
        ["Delivery"] = "delivery.md",
    };

    private static Type[] SettingsTypes =>
        [.. typeof(Guardrails.Cli.Program).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(CommandSettings)) && !type.IsAbstract)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)];

    [TestCaseSource(nameof(SettingsTypes))]
    public void Each_option_is_documented_on_its_command_s_page(Type settings)
    {
        var folder = settings.Namespace!.Split('.').Last();
        Assert.That(PageOfCommandFolder.ContainsKey(folder), $"Say which docs page documents the commands in Commands/{folder}.");
        var page = File.ReadAllText(RepositoryLayout.PathOf("docs", PageOfCommandFolder[folder]));

        var missing = settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .SelectMany(property => property.GetCustomAttributes<CommandOptionAttribute>())
            .SelectMany(option => option.LongNames)
            .Where(name => !page.Contains("`--" + name, StringComparison.Ordinal))
            .Select(name => "--" + name);

        Assert.That(missing, Is.Empty, $"Document these options of {settings.Name} in docs/{PageOfCommandFolder[folder]}.");
    }
}
