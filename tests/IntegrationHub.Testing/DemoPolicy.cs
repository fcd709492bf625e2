using System.Text.Json.Nodes;

namespace IntegrationHub.Testing;

/// <summary>Variants of the demo routing policy that ships with the hub (policy/routing-policy.json).</summary>
public static class DemoPolicy
{
    /// <summary>
    /// The demo policy with every rep in working hours around the clock, so what a test or a
    /// benchmark measures does not depend on the time of day it runs at. Returns the file's path.
    /// </summary>
    /// <param name="factDeadline">A longer deadline for the fact sources, for tests whose point is not a late source on
    /// a loaded machine.</param>
    public static string AlwaysOpen(TimeSpan acceptTimeout, TimeSpan? factDeadline = null)
    {
        var policy = JsonNode.Parse(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policy", "routing-policy.json"))
        )!;
        foreach (var rep in policy["reps"]!.AsArray())
        {
            rep!["workingHours"] = new JsonObject
            {
                ["start"] = "00:00",
                ["end"] = "00:00",
                ["days"] = new JsonArray([.. Enum.GetNames<DayOfWeek>().Select(d => (JsonNode)JsonValue.Create(d))]),
            };
        }

        policy["acceptTimeout"] = acceptTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        if (factDeadline is { } deadline)
        {
            policy["factDeadline"] = deadline.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }

        // A folder of its own: the hub watches the policy file's folder, and a database beside it (tests and the bench
        // put theirs in the temp folder) would wake that watcher on every write.
        var folder = Directory.CreateTempSubdirectory("hub-policy-").FullName;
        var path = Path.Combine(folder, "routing-policy.json");
        File.WriteAllText(path, policy.ToJsonString());
        return path;
    }
}
