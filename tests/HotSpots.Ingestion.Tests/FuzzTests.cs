using System.Text;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Ingestion.Tests;

/// <summary>
/// Files with random damage (flipped bytes, stray quotes and commas, cut lines, bytes that are not UTF-8, formulas,
/// huge lines, blank lines, binary junk, quoted fields holding line breaks): the import never crashes, every untouched row is imported as it was, and
/// every row that is not imported is in quarantine with a field and a reason. Seeds are fixed, so a failure repeats.
/// </summary>
public sealed class FuzzTests
{
    private static readonly Func<Random, string, string>[] Mutations =
    [
        (r, line) => Flip(r, line),
        (r, line) => line.Insert(r.Next(line.Length), "\""),
        (r, line) => line.Insert(r.Next(line.Length), ","),
        (r, line) => line[..r.Next(line.Length)],
        (r, line) => line.Insert(r.Next(line.Length), "\u00ff\u00fe"),
        (r, line) => line.Replace("On or near", "=HYPERLINK(\"\"x\"\")"),
        (r, line) => line.Replace("On or near", "@SUM(A1)"),
        (r, line) => line + new string('z', 1_100_000),
        (r, line) => line.Replace(",2024-", ",20x4-"),
        (r, line) => line.Replace(",51.", ",5x1."),
        (r, line) => line.Replace(",51.", ",951."),
        (r, line) => new string(Enumerable.Range(0, r.Next(1, 200)).Select(_ => (char)r.Next(1, 0x250)).Select(c => c is '\n' or '\r' ? '~' : c).ToArray()),
        (_, _) => "",
        (_, line) => QuotedLineBreak(line), // last: the test counts these rows as good ones
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task Mutated_files_lose_no_good_row_and_give_a_reason_for_every_rejected_one(int seed)
    {
        var random = new Random(seed);
        var rows = PoliceUk.Month("2024-06", 400, seed).Select((r, i) => r.StartsWith(',') ? $"id{seed}x{i}" + r : r).ToList();
        var lines = new List<string>();
        var untouched = new List<string>();
        foreach (var row in rows)
        {
            if (random.NextDouble() < 0.25)
            {
                var mutation = random.Next(Mutations.Length);
                lines.Add(Mutations[mutation](random, row));
                // A quoted line break is no damage: that row must be imported too.
                if (mutation == Mutations.Length - 1) untouched.Add(row);
            }
            else
            {
                lines.Add(row);
                untouched.Add(row);
            }
        }
        await using var host = await IngestionHost.StartAsync();
        var file = host.File("mutated.csv");
        // Written as Latin-1 where a mutation asked for it, so that some lines are not UTF-8.
        await File.WriteAllBytesAsync(file, [.. Encoding.UTF8.GetBytes(PoliceUk.Header + "\n"),
            .. lines.SelectMany(l => (l.Contains('\u00ff') ? Encoding.Latin1 : Encoding.UTF8).GetBytes(l + "\n"))]);

        var report = await host.ImportAsync(file);

        var dataLines = lines.Count(l => l.Length > 0);
        report.FailedFiles.ShouldBe(0);
        (report.Imported + report.Quarantined).ShouldBe(dataLines, $"seed {seed}: every line is either imported or quarantined");
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IngestionDbContext>();
        var held = (await db.Crimes.Select(c => new { c.Reference, c.Category, c.Location }).ToListAsync())
            .Where(c => c.Reference is not null).ToDictionary(c => c.Reference!);
        foreach (var row in untouched)
        {
            var fields = row.Split(',');
            held.ShouldContainKey(fields[0], $"seed {seed}: untouched row {row[..30]}… was lost");
            held[fields[0]].Category.ShouldBe(fields[9]);
        }
        var quarantine = await db.Quarantine.ToListAsync();
        quarantine.Count.ShouldBe((int)report.Quarantined);
        quarantine.ShouldAllBe(q => q.Field.Length > 0 && q.Reason.Length > 0 && q.Line > 1);
    }

    /// <summary>The location quoted, holding a line break: a well-formed record over two lines, among the damage.</summary>
    private static string QuotedLineBreak(string line)
    {
        var fields = line.Split(',');
        if (fields.Length < 7) return line;
        fields[6] = $"\"{fields[6].Replace(" near ", " near\n")}\"";
        return string.Join(',', fields);
    }

    private static string Flip(Random random, string line)
    {
        var chars = line.ToCharArray();
        var at = random.Next(chars.Length);
        chars[at] = (char)random.Next(32, 127);
        return new string(chars);
    }
}
