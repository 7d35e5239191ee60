using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace HotSpots.Modules.Ingestion.Harm;

/// <summary>
/// Harm in CCHI days per crime category, from the table the project ships (data/harm), with an analyst's
/// overrides from settings ("Ingestion:HarmOverrides:&lt;category&gt;" = days).
/// </summary>
internal sealed class HarmTable
{
    private readonly Dictionary<string, double> _days;

    public HarmTable(IReadOnlyDictionary<string, double> days, double unknownCategoryDays)
    {
        _days = new Dictionary<string, double>(days, StringComparer.OrdinalIgnoreCase);
        UnknownCategoryDays = unknownCategoryDays;
    }

    public double UnknownCategoryDays { get; }

    public double DaysFor(string category) => _days.GetValueOrDefault(category, UnknownCategoryDays);

    public static HarmTable Load(IConfiguration configuration)
    {
        var days = ReadShipped();
        foreach (var entry in configuration.GetSection("Ingestion:HarmOverrides").GetChildren())
            if (double.TryParse(entry.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0)
                days[entry.Key] = value;
        var unknown = configuration.GetValue("Ingestion:UnknownCategoryHarmDays", 1.0);
        return new HarmTable(days, unknown);
    }

    private static Dictionary<string, double> ReadShipped()
    {
        using var stream = typeof(HarmTable).Assembly.GetManifestResourceStream("HarmByCategory.csv")
            ?? throw new InvalidOperationException("The harm table resource is missing from the build.");
        using var text = new StreamReader(stream);
        var days = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        text.ReadLine();
        while (text.ReadLine() is { } line)
        {
            var comma = line.LastIndexOf(',');
            if (comma > 0)
                days[line[..comma]] = double.Parse(line[(comma + 1)..], CultureInfo.InvariantCulture);
        }
        return days;
    }
}
