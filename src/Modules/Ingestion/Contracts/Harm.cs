namespace HotSpots.Modules.Ingestion.Contracts;

/// <summary>An analyst's harm weights (CCHI days) that replace the shipped ones: by offence code first, then by category.</summary>
public sealed record HarmOverrides(IReadOnlyDictionary<string, double> Categories, IReadOnlyDictionary<string, double> OffenceCodes)
{
    public static readonly HarmOverrides None = new(new Dictionary<string, double>(), new Dictionary<string, double>());
}

/// <summary>The harm weights in force: the shipped table, the overrides, and the weight of a category the table lacks.</summary>
public sealed record HarmTableView(IReadOnlyDictionary<string, double> Shipped, HarmOverrides Overrides, double UnknownCategoryDays);
