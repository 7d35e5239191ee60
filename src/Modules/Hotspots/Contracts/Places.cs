using HotSpots.Platform.Geography;

namespace HotSpots.Modules.Hotspots.Contracts;

/// <summary>A kind of place where crimes are recorded but no patrol can treat them.</summary>
public enum PlaceKind
{
    Prison,
    SecureHospital,

    /// <summary>A hospital the records name without saying whether it is secure (data.police.uk's map point "Hospital").</summary>
    Hospital,
    PoliceStation,
    CustodySuite,
}

/// <summary>How a spot was found to be at a place.</summary>
public enum PlaceMatch
{
    /// <summary>The location text of the spot's records names the place (e.g. "On or near Woodhill Prison").</summary>
    RecordLocation,

    /// <summary>A place on the force's uploaded list lies in or overlaps the spot.</summary>
    ForceList,
}

/// <summary>What the analyst decided about a flagged spot.</summary>
public enum PlaceDecision
{
    /// <summary>Not decided yet: the set cannot be published.</summary>
    Undecided,

    /// <summary>The spot is left out of the set, and the place's cells out of every later refresh (an exclusion).</summary>
    Excluded,

    /// <summary>The analyst kept the spot: patrols can treat it (e.g. the crimes are at the gate or in the car park).</summary>
    Kept,
}

/// <summary>
/// A spot of a set at a place no patrol can treat, with the reason. <paramref name="Decision"/> is the analyst's;
/// a keep carried over from the published set names the set and the analyst in <paramref name="Note"/>.
/// </summary>
public sealed record PlaceFlag(
    long Id, long HotspotId, int Rank, string SpotName, PlaceKind Kind, string Place, PlaceMatch Match, string Reason,
    PlaceDecision Decision, string? DecidedBy, DateTime? DecidedUtc, string? Note, long? ExclusionId);

/// <summary>A place on the force's list, as analysts see it.</summary>
public sealed record ForcePlaceView(long Id, string Name, PlaceKind Kind, GeoPoint At, double? RadiusMetres, double AreaSquareMetres, DateTime UploadedUtc, string UploadedBy);

/// <summary>What an upload of the force's places did: the places now in force, or the rows refused (then nothing changed).</summary>
public sealed record PlacesUpload(int Places, int Replaced, IReadOnlyList<string> Problems);

/// <summary>Words for a place kind, as pages show them.</summary>
public static class PlaceKinds
{
    /// <summary>The kind in plain words, e.g. "secure hospital".</summary>
    public static string Describe(PlaceKind kind) => kind switch
    {
        PlaceKind.Prison => "prison",
        PlaceKind.SecureHospital => "secure hospital",
        PlaceKind.Hospital => "hospital",
        PlaceKind.PoliceStation => "police station",
        PlaceKind.CustodySuite => "custody suite",
        _ => kind.ToString(),
    };

    /// <summary>The kind as written in an upload: prison, secure-hospital, hospital, police-station, custody-suite.</summary>
    public static string Code(PlaceKind kind) => kind switch
    {
        PlaceKind.SecureHospital => "secure-hospital",
        PlaceKind.PoliceStation => "police-station",
        PlaceKind.CustodySuite => "custody-suite",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static IReadOnlyList<PlaceKind> All { get; } = Enum.GetValues<PlaceKind>();
}
