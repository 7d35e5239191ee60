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

/// <summary>The 14 data.police.uk categories, used across the product.</summary>
public static class CrimeCategories
{
    public const string ViolenceAndSexualOffences = "Violence and sexual offences";
    public const string Robbery = "Robbery";
    public const string PossessionOfWeapons = "Possession of weapons";
    public const string AntiSocialBehaviour = "Anti-social behaviour";

    /// <summary>Categories that count as serious violence by default.</summary>
    public static readonly IReadOnlySet<string> SeriousViolence =
        new HashSet<string>([ViolenceAndSexualOffences, Robbery, PossessionOfWeapons], StringComparer.OrdinalIgnoreCase);
}
