using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Guardrails.Analyzers.Options;

/// <summary>
/// A list of fully qualified type or namespace names a team sanctions, read from an option such as
/// <c>guardrails.retry.allowed_types = MyCompany.Retry.*, MyCompany.Http.RetryingClient</c>.
/// A name ending in <c>.*</c> covers that namespace (or type) and everything nested in it; any other name
/// covers exactly that type and its nested types. Separators: comma, semicolon or whitespace.
/// </summary>
internal sealed class SanctionedTypePatterns
{
    private static readonly ConcurrentDictionary<string, SanctionedTypePatterns> ParsedByOptionValue = new(StringComparer.Ordinal);
    private static readonly char[] Separators = [',', ';', ' ', '\t'];

    public static SanctionedTypePatterns None { get; } = new(ImmutableArray<string>.Empty, ImmutableArray<string>.Empty);

    private readonly ImmutableArray<string> exactNames;
    private readonly ImmutableArray<string> prefixes;

    private SanctionedTypePatterns(ImmutableArray<string> exactNames, ImmutableArray<string> prefixes)
    {
        this.exactNames = exactNames;
        this.prefixes = prefixes;
    }

    public bool IsEmpty => exactNames.IsEmpty && prefixes.IsEmpty;

    /// <summary>Parses once per distinct option value: the same .editorconfig value is seen for many files.</summary>
    public static SanctionedTypePatterns Parse(string? optionValue)
    {
        if (optionValue is null || string.IsNullOrWhiteSpace(optionValue))
        {
            return None;
        }

        return ParsedByOptionValue.GetOrAdd(optionValue, static value =>
        {
            var exact = ImmutableArray.CreateBuilder<string>();
            var prefixes = ImmutableArray.CreateBuilder<string>();
            foreach (var rawEntry in value.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            {
                var entry = rawEntry.Trim();
                if (entry.StartsWith("global::", StringComparison.Ordinal))
                {
                    entry = entry.Substring("global::".Length);
                }

                if (entry.EndsWith(".*", StringComparison.Ordinal))
                {
                    prefixes.Add(entry.Substring(0, entry.Length - 1));
                }
                else if (entry.Length > 0)
                {
                    exact.Add(entry);
                }
            }

            return new SanctionedTypePatterns(exact.ToImmutable(), prefixes.ToImmutable());
        });
    }

    /// <summary>True when <paramref name="type"/> or a type containing it is sanctioned.</summary>
    public bool Covers(INamedTypeSymbol? type)
    {
        if (IsEmpty)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.ContainingType)
        {
            var name = current.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None));
            if (Matches(name))
            {
                return true;
            }
        }

        return false;
    }

    private bool Matches(string fullyQualifiedName)
    {
        foreach (var exact in exactNames)
        {
            if (string.Equals(exact, fullyQualifiedName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var prefix in prefixes)
        {
            // "MyCompany.Retry." covers MyCompany.Retry.X and also the type MyCompany.Retry itself.
            if (fullyQualifiedName.StartsWith(prefix, StringComparison.Ordinal) ||
                string.Equals(fullyQualifiedName + ".", prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
