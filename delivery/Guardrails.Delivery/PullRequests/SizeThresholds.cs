using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Guardrails.Delivery.PullRequests;

/// <summary>
/// The changed-line counts at which a pull request stops being XS, S, M and L: under the first it is XS,
/// under the second S, under the third M, under the fourth L, and XL from the fourth on.
/// </summary>
public sealed record SizeThresholds(int Small, int Medium, int Large, int ExtraLarge)
{
    public const string DefaultText = "10,50,200,500";

    public static SizeThresholds Default { get; } = Parse(DefaultText);

    /// <summary>Every size, smallest first; the pull request templates label with these names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["XS", "S", "M", "L", "XL"];

    public static SizeThresholds Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var numbers = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                break;
            }

            numbers.Add(number);
        }

        if (numbers.Count != 4 || parts.Length != 4 || numbers.Zip(numbers.Skip(1)).Any(pair => pair.First >= pair.Second))
        {
            throw new DeliveryInputException($"--sizes '{text}' is not four increasing positive line counts (where S, M, L and XL start), such as {DefaultText}.");
        }

        return new SizeThresholds(numbers[0], numbers[1], numbers[2], numbers[3]);
    }

    public string SizeOf(int changedLines) =>
        Names[new[] { Small, Medium, Large, ExtraLarge }.Count(start => changedLines >= start)];
}
