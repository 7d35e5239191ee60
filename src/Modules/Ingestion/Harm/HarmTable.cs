using System.Globalization;
using HotSpots.Modules.Ingestion.Contracts;
using Microsoft.Extensions.Configuration;

namespace HotSpots.Modules.Ingestion.Harm;

/// <summary>
/// Harm in CCHI days per crime category from the table the project ships (data/harm), with the defaults a force
/// sets in appsettings ("Ingestion:HarmOverrides:&lt;category&gt;" = days). Analysts' overrides live in the settings store.
/// </summary>
internal sealed class HarmTable
{
    public const string SettingKey = "Ingestion:HarmOverrides";

    public HarmTable(IReadOnlyDictionary<string, double> days, double unknownCategoryDays)
    {
        Days = new Dictionary<string, double>(days, StringComparer.OrdinalIgnoreCase);
        UnknownCategoryDays = unknownCategoryDays;
    }

    public IReadOnlyDictionary<string, double> Days { get; }

    public double UnknownCategoryDays { get; }

    public HarmWeights With(HarmOverrides overrides) => new(this, overrides);

    public static HarmTable Load(IConfiguration configuration)
    {
        var days = ReadShipped();
        foreach (var entry in configuration.GetSection(SettingKey).GetChildren())
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

/// <summary>The weights in force for one query or import: an offence code's override, else the category's, else the table's.</summary>
internal sealed class HarmWeights(HarmTable table, HarmOverrides overrides)
{
    private readonly Dictionary<string, double> _codes = new(overrides.OffenceCodes, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, double> _categories = new(overrides.Categories, StringComparer.OrdinalIgnoreCase);

    public double DaysFor(string category, string? offenceCode = null) =>
        offenceCode is not null && _codes.TryGetValue(offenceCode, out var byCode) ? byCode
        : _categories.TryGetValue(category, out var byCategory) ? byCategory
        : table.Days.TryGetValue(category, out var shipped) ? shipped
        : table.UnknownCategoryDays;
}
