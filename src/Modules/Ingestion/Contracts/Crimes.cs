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
/// crime: categories and places are held once and referenced by index. The columns are read-only views of arrays that
/// every caller of the process shares (the ingestion module's copy in memory): index them in loops, or take a view once
/// outside the loop (<c>var x = table.X;</c>) for the tightest ones.
/// </summary>
public sealed class CrimeTable
{
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly long[] _occurredUtcTicks;
    private readonly bool[] _hasTimeOfDay;
    private readonly int[] _category;
    private readonly int[] _place;
    private readonly int[] _area;

    /// <param name="revision">The crimes' revision when they were read (<see cref="Revision"/>).</param>
    public CrimeTable(
        long revision, double[] x, double[] y, long[] occurredUtcTicks, bool[] hasTimeOfDay, int[] category, int[] place,
        IReadOnlyList<string> categories, IReadOnlyList<double> categoryHarm, IReadOnlyList<string> places,
        int[]? area = null, IReadOnlyList<string>? areas = null)
    {
        var n = x.Length;
        if (y.Length != n || occurredUtcTicks.Length != n || hasTimeOfDay.Length != n || category.Length != n || place.Length != n || area is { } a && a.Length != n)
            throw new ArgumentException("Every column of a crime table needs one value per crime.");
        if (categoryHarm.Count != categories.Count)
            throw new ArgumentException("A crime table needs one harm per category.", nameof(categoryHarm));
        Revision = revision;
        (_x, _y, _occurredUtcTicks, _hasTimeOfDay, _category, _place) = (x, y, occurredUtcTicks, hasTimeOfDay, category, place);
        _area = area ?? Enumerable.Repeat(-1, n).ToArray();
        Categories = ReadOnly(categories);
        CategoryHarm = ReadOnly(categoryHarm);
        Places = ReadOnly(places);
        Areas = ReadOnly(areas ?? []);
    }

    /// <summary>A view the caller cannot cast back to the shared array or list it shows.</summary>
    private static IReadOnlyList<T> ReadOnly<T>(IReadOnlyList<T> list) =>
        list is IList<T> items and not System.Collections.ObjectModel.ReadOnlyCollection<T> ? new System.Collections.ObjectModel.ReadOnlyCollection<T>(items) : list;

    /// <summary>
    /// The revision of the crimes (<see cref="IngestionRevisions.Crimes"/>) when these columns were read: they hold every
    /// write to the crimes up to it (and perhaps one just after). In one process, tables of the same revision and window
    /// hold the same crimes in the same order, so that what is worked out from a table's columns can be kept by its
    /// revision; the harm per category may differ (the harm weights have their own revision).
    /// </summary>
    public long Revision { get; }

    public int Count => _x.Length;

    /// <summary>Projected easting in metres.</summary>
    public ReadOnlySpan<double> X => _x;

    /// <summary>Projected northing in metres.</summary>
    public ReadOnlySpan<double> Y => _y;

    /// <summary>Start of the occurrence window, as UTC ticks.</summary>
    public ReadOnlySpan<long> OccurredUtcTicks => _occurredUtcTicks;

    public ReadOnlySpan<bool> HasTimeOfDay => _hasTimeOfDay;

    /// <summary>Index into <see cref="Categories"/>.</summary>
    public ReadOnlySpan<int> Category => _category;

    /// <summary>Index into <see cref="Places"/>, or -1 when the record names no place.</summary>
    public ReadOnlySpan<int> Place => _place;

    /// <summary>Index into <see cref="Areas"/>, or -1 when the record names no area (LSOA, beat).</summary>
    public ReadOnlySpan<int> Area => _area;

    public IReadOnlyList<string> Categories { get; }

    /// <summary>Harm in CCHI days of a crime of each category.</summary>
    public IReadOnlyList<double> CategoryHarm { get; }

    /// <summary>The place names ("On or near …") the records give.</summary>
    public IReadOnlyList<string> Places { get; }

    /// <summary>The area codes the records give.</summary>
    public IReadOnlyList<string> Areas { get; }
}

/// <summary>A pseudonymised person's link to a crime, with the crime as dashboards need it.</summary>
/// <param name="Role">suspect, offender, victim or witness.</param>
/// <param name="X">Projected easting in metres; null when the crime has no position.</param>
public sealed record PersonCrimeLink(
    string PersonId, string Role, long CrimeId, string? Reference, string Category, DateTime OccurredUtc, bool HasTimeOfDay,
    double Harm, double? X, double? Y, string? Location);
