namespace HotSpots.Modules.Ingestion.Contracts;

/// <summary>A mappable crime, reduced to what spatial analysis needs.</summary>
/// <param name="X">Projected easting in metres (British National Grid unless configured).</param>
/// <param name="Y">Projected northing in metres.</param>
/// <param name="OccurredUtc">Start of the occurrence window.</param>
/// <param name="HasTimeOfDay">False for month-resolution sources such as data.police.uk.</param>
/// <param name="Harm">Harm weight in CCHI days.</param>
public readonly record struct CrimePoint(
    long Id,
    double X,
    double Y,
    double Latitude,
    double Longitude,
    DateTime OccurredUtc,
    bool HasTimeOfDay,
    string Category,
    double Harm,
    string? Location);

/// <summary>Crimes of one category in one month.</summary>
public sealed record CategoryMonthCount(int Year, int Month, string Category, long Count, double Harm);

/// <summary>The data.police.uk categories the product names in code (the serious-violence set).</summary>
public static class CrimeCategories
{
    public const string ViolenceAndSexualOffences = "Violence and sexual offences";
    public const string Robbery = "Robbery";
    public const string PossessionOfWeapons = "Possession of weapons";

    /// <summary>Categories that count as serious violence by default.</summary>
    public static readonly IReadOnlySet<string> SeriousViolence =
        new HashSet<string>([ViolenceAndSexualOffences, Robbery, PossessionOfWeapons], StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Mappable crimes as columns (one array per field), for scoring hundreds of thousands of crimes without an object per
/// crime: categories and places are held once and referenced by index.
/// </summary>
public sealed class CrimeTable(
    double[] x, double[] y, long[] occurredUtcTicks, bool[] hasTimeOfDay, int[] category, int[] place,
    IReadOnlyList<string> categories, IReadOnlyList<double> categoryHarm, IReadOnlyList<string> places,
    int[]? area = null, IReadOnlyList<string>? areas = null)
{
    public int Count => X.Length;

    /// <summary>Projected easting in metres.</summary>
    public double[] X { get; } = x;

    /// <summary>Projected northing in metres.</summary>
    public double[] Y { get; } = y;

    /// <summary>Start of the occurrence window, as UTC ticks.</summary>
    public long[] OccurredUtcTicks { get; } = occurredUtcTicks;

    public bool[] HasTimeOfDay { get; } = hasTimeOfDay;

    /// <summary>Index into <see cref="Categories"/>.</summary>
    public int[] Category { get; } = category;

    /// <summary>Index into <see cref="Places"/>, or -1 when the record names no place.</summary>
    public int[] Place { get; } = place;

    public IReadOnlyList<string> Categories { get; } = categories;

    /// <summary>Harm in CCHI days of a crime of each category.</summary>
    public IReadOnlyList<double> CategoryHarm { get; } = categoryHarm;

    /// <summary>The place names ("On or near …") the records give.</summary>
    public IReadOnlyList<string> Places { get; } = places;

    /// <summary>Index into <see cref="Areas"/>, or -1 when the record names no area (LSOA, beat).</summary>
    public int[] Area { get; } = area ?? Enumerable.Repeat(-1, x.Length).ToArray();

    /// <summary>The area codes the records give.</summary>
    public IReadOnlyList<string> Areas { get; } = areas ?? [];
}

/// <summary>A pseudonymised person's link to a crime, with the crime as dashboards need it.</summary>
/// <param name="Role">suspect, offender, victim or witness.</param>
/// <param name="X">Projected easting in metres; null when the crime has no position.</param>
public sealed record PersonCrimeLink(
    string PersonId, string Role, long CrimeId, string? Reference, string Category, DateTime OccurredUtc, bool HasTimeOfDay,
    double Harm, double? X, double? Y, string? Location);
