using System.Text;
using HotSpots.Platform;

namespace HotSpots.Modules.Workforce.Roster;

/// <summary>One row of a roster file, its fields in the header's order of <see cref="RosterCsv.Columns"/>.</summary>
/// <param name="Row">The row as a spreadsheet counts it: the header is row 1.</param>
/// <param name="Fields">email, name, collar, team, role; null when the row has the wrong number of fields.</param>
/// <param name="FieldCount">How many fields the row had.</param>
internal sealed record RosterCsvRow(int Row, IReadOnlyList<string>? Fields, int FieldCount);

/// <summary>
/// Reads a roster CSV (RFC 4180: commas, double quotes around a field that holds a comma, quote or line break, a
/// doubled quote for a quote). The header names the columns <c>email,name,collar,team,role</c>, in any order, case and
/// spaces ignored. Pure: text in, rows out.
/// </summary>
internal static class RosterCsv
{
    public static readonly IReadOnlyList<string> Columns = ["email", "name", "collar", "team", "role"];

    /// <summary>The rows in file order, blank rows left out. A file without the header is refused whole.</summary>
    public static List<RosterCsvRow> Parse(string text)
    {
        var records = Records(text.TrimStart('\uFEFF'));
        var header = records.FirstOrDefault(r => !Blank(r.Fields));
        if (header is null) throw new ValidationException($"The roster file is empty: it needs the header {string.Join(",", Columns)} and a row per person.");
        var names = header.Fields.Select(f => new string(f.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant()).ToList();
        var missing = Columns.Where(c => !names.Contains(c)).ToList();
        var unknown = names.Where(n => !Columns.Contains(n)).ToList();
        var repeated = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count > 0 || unknown.Count > 0 || repeated.Count > 0)
        {
            var problems = new List<string>();
            if (missing.Count > 0) problems.Add($"it has no {string.Join(", ", missing)} column");
            if (unknown.Count > 0) problems.Add($"it does not know the column {string.Join(", ", unknown.Select(u => $"'{u}'"))}");
            if (repeated.Count > 0) problems.Add($"it names {string.Join(", ", repeated)} more than once");
            throw new ValidationException($"Row {header.Row} of the roster is not the header {string.Join(",", Columns)}: {string.Join("; ", problems)}.");
        }
        var order = Columns.Select(c => names.IndexOf(c)).ToArray();
        return records.SkipWhile(r => r != header).Skip(1).Where(r => !Blank(r.Fields))
            .Select(r => r.Fields.Count == names.Count
                ? new RosterCsvRow(r.Row, order.Select(i => r.Fields[i].Trim()).ToList().AsReadOnly(), r.Fields.Count)
                : new RosterCsvRow(r.Row, null, r.Fields.Count))
            .ToList();
    }

    private static bool Blank(List<string> fields) => fields.All(string.IsNullOrWhiteSpace);

    private sealed record Record(int Row, List<string> Fields);

    private static List<Record> Records(string text)
    {
        var records = new List<Record>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var row = 1;
        var at = 0;
        while (at < text.Length)
        {
            var c = text[at++];
            if (quoted)
            {
                if (c == '"' && at < text.Length && text[at] == '"') { field.Append('"'); at++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && at < text.Length && text[at] == '\n') at++;
                fields.Add(field.ToString());
                field.Clear();
                records.Add(new Record(row++, fields));
                fields = [];
            }
            else field.Append(c);
        }
        if (quoted) throw new ValidationException($"Row {row} of the roster opens a quote (\") that is never closed.");
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new Record(row, fields));
        }
        return records;
    }
}
