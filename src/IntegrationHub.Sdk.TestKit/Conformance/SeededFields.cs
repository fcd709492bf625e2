using System.Collections;
using System.Globalization;
using System.Reflection;
using Xunit;

namespace IntegrationHub.Sdk.TestKit.Conformance;

/// <summary>
/// Compares a connector's result with what its fake was seeded with, property by property through nested records
/// and lists, and fails naming every field that differs. Instants match to the second: vendors keep different
/// precisions, and none of them is the business's concern.
/// </summary>
public static class SeededFields
{
    public static void AssertMatch<T>(T seeded, T actual)
    {
        var differences = new List<string>();
        Compare(typeof(T).Name, seeded, actual, differences);
        if (differences.Count > 0)
        {
            Assert.Fail(
                $"The connector's {typeof(T).Name} differs from what the fake was seeded with:\n"
                    + string.Join("\n", differences)
            );
        }
    }

    private static void Compare(string path, object? seeded, object? actual, List<string> differences)
    {
        if (seeded is null || actual is null)
        {
            if (seeded is not null || actual is not null)
            {
                differences.Add($"{path}: seeded {Show(seeded)}, got {Show(actual)}");
            }

            return;
        }

        switch (seeded)
        {
            case DateTimeOffset at when actual is DateTimeOffset got:
                if ((at - got).Duration() >= TimeSpan.FromSeconds(1))
                {
                    differences.Add($"{path}: seeded {Show(at)}, got {Show(got)}");
                }

                return;
            case string or ValueType:
                if (!Equals(seeded, actual))
                {
                    differences.Add($"{path}: seeded {Show(seeded)}, got {Show(actual)}");
                }

                return;
            case IEnumerable items:
                CompareItems(path, [.. items.Cast<object?>()], [.. ((IEnumerable)actual).Cast<object?>()], differences);
                return;
        }

        foreach (var property in seeded.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                Compare($"{path}.{property.Name}", property.GetValue(seeded), property.GetValue(actual), differences);
            }
        }
    }

    private static void CompareItems(string path, List<object?> seeded, List<object?> actual, List<string> differences)
    {
        if (seeded.Count != actual.Count)
        {
            differences.Add($"{path}: seeded {seeded.Count} items, got {actual.Count}");
            return;
        }

        for (var i = 0; i < seeded.Count; i++)
        {
            Compare($"{path}[{i}]", seeded[i], actual[i], differences);
        }
    }

    private static string Show(object? value) =>
        value switch
        {
            null => "null",
            string text => $"'{text}'",
            DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
}
