using System.Text;
using DiffPlex;
using DiffPlex.Model;

namespace IntegrationHub.Hub.Policies;

/// <summary>
/// Two policies' JSON compared line by line, as a unified diff with three lines of context: the format every
/// reviewer reads (git, code review), so a policy change reads like any other change.
/// </summary>
public sealed record PolicyDiff(string Unified, int Removed, int Added)
{
    private const int Context = 3;

    public static PolicyDiff Between(string fromName, string fromJson, string toName, string toJson)
    {
        var result = Differ.Instance.CreateLineDiffs(fromJson, toJson, ignoreWhitespace: false);
        if (result.DiffBlocks.Count == 0)
        {
            return new PolicyDiff("", 0, 0);
        }

        var text = new StringBuilder().Append("--- ").AppendLine(fromName).Append("+++ ").AppendLine(toName);
        foreach (var hunk in Hunks(result.DiffBlocks))
        {
            WriteHunk(text, hunk, result.PiecesOld, result.PiecesNew);
        }

        return new PolicyDiff(
            text.ToString(),
            result.DiffBlocks.Sum(b => b.DeleteCountA),
            result.DiffBlocks.Sum(b => b.InsertCountB)
        );
    }

    /// <summary>Changes close enough that their context lines would touch are shown in one hunk.</summary>
    private static IEnumerable<List<DiffBlock>> Hunks(IList<DiffBlock> blocks)
    {
        var hunk = new List<DiffBlock> { blocks[0] };
        foreach (var block in blocks.Skip(1))
        {
            var previous = hunk[^1];
            if (block.DeleteStartA - (previous.DeleteStartA + previous.DeleteCountA) > 2 * Context)
            {
                yield return hunk;
                hunk = [];
            }

            hunk.Add(block);
        }

        yield return hunk;
    }

    private static void WriteHunk(
        StringBuilder text,
        List<DiffBlock> hunk,
        IReadOnlyList<string> from,
        IReadOnlyList<string> to
    )
    {
        var first = hunk[0];
        var last = hunk[^1];
        var lead = Math.Min(Context, Math.Min(first.DeleteStartA, first.InsertStartB));
        var fromStart = first.DeleteStartA - lead;
        var toStart = first.InsertStartB - lead;
        var trail = Math.Min(
            Context,
            Math.Min(
                from.Count - (last.DeleteStartA + last.DeleteCountA),
                to.Count - (last.InsertStartB + last.InsertCountB)
            )
        );
        var fromEnd = last.DeleteStartA + last.DeleteCountA + trail;
        var toEnd = last.InsertStartB + last.InsertCountB + trail;
        text.Append("@@ -")
            .Append(fromStart + 1)
            .Append(',')
            .Append(fromEnd - fromStart)
            .Append(" +")
            .Append(toStart + 1)
            .Append(',')
            .Append(toEnd - toStart)
            .AppendLine(" @@");

        var i = fromStart;
        foreach (var block in hunk)
        {
            for (; i < block.DeleteStartA; i++)
            {
                text.Append(' ').AppendLine(from[i]);
            }

            for (var d = 0; d < block.DeleteCountA; d++)
            {
                text.Append('-').AppendLine(from[block.DeleteStartA + d]);
            }

            for (var n = 0; n < block.InsertCountB; n++)
            {
                text.Append('+').AppendLine(to[block.InsertStartB + n]);
            }

            i = block.DeleteStartA + block.DeleteCountA;
        }

        for (; i < fromEnd; i++)
        {
            text.Append(' ').AppendLine(from[i]);
        }
    }
}
