using HotSpots.Platform.Geography;

namespace HotSpots.Modules.Hotspots.Contracts;

/// <summary>The analyst's work on hot spot sets: review a draft on a map, edit briefings and exclusions, set options.</summary>
public interface IHotspotReview
{
    /// <summary>A set with its spots, each marked new or persisting against the set it would replace, the spots it drops, and its density surface.</summary>
    Task<HotspotSetReview?> ReviewAsync(long setId, CancellationToken cancellationToken);

    /// <summary>Changes one spot's briefing (in its own set only: each version keeps its own briefings). Audited.</summary>
    Task UpdateBriefingAsync(long hotspotId, string briefing, string editedBy, CancellationToken cancellationToken);

    /// <summary>Exclusions in force, newest first.</summary>
    Task<IReadOnlyList<ExclusionView>> ListExclusionsAsync(CancellationToken cancellationToken);

    /// <summary>Adds an exclusion; the next refresh makes no spot over it. Audited.</summary>
    Task<ExclusionView> AddExclusionAsync(NewExclusion exclusion, string createdBy, CancellationToken cancellationToken);

    /// <summary>Removes an exclusion from the next refresh on (it stays on record). Audited.</summary>
    Task RemoveExclusionAsync(long exclusionId, string removedBy, CancellationToken cancellationToken);

    /// <summary>
    /// Decides about a flagged spot of a draft (a spot at a place no patrol can treat): <see cref="PlaceDecision.Excluded"/>
    /// leaves it out of the set and its place's cells out of every later refresh (an exclusion);
    /// <see cref="PlaceDecision.Kept"/> keeps it. Can be changed until the set is published. Audited, with the note.
    /// </summary>
    Task DecidePlaceAsync(long hotspotId, PlaceDecision decision, string? note, string decidedBy, CancellationToken cancellationToken);

    /// <summary>The force's list of places no patrol can treat, by kind and name.</summary>
    Task<IReadOnlyList<ForcePlaceView>> ListPlacesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the force's list with a file's places (CSV or GeoJSON, docs/data-formats.md). A file with any problem
    /// changes nothing: the answer lists every problem with its line or feature. Audited. Used from the next refresh.
    /// </summary>
    Task<PlacesUpload> ReplacePlacesAsync(Stream file, string fileName, string uploadedBy, CancellationToken cancellationToken);

    /// <summary>The options analysts change at run time.</summary>
    Task<HotspotOptions> GetOptionsAsync(CancellationToken cancellationToken);

    /// <summary>Saves the options (each change is audited).</summary>
    Task SaveOptionsAsync(HotspotOptions options, string changedBy, CancellationToken cancellationToken);
}

/// <param name="Count">How many spots a refresh keeps: the force's patrol capacity.</param>
/// <param name="AutoPublish">Publish each scheduled refresh at once, instead of leaving a draft for review.</param>
public sealed record HotspotOptions(int Count, bool AutoPublish);

/// <summary>How a spot of a set compares with the set it would replace.</summary>
public enum SpotChange
{
    /// <summary>No spot of the other set overlaps it.</summary>
    New,

    /// <summary>It overlaps a spot of the other set.</summary>
    Persisting,

    /// <summary>A spot of the other set that no spot of this set overlaps.</summary>
    Dropped,
}

public sealed record ReviewSpot(PublishedHotspot Spot, SpotChange Change, bool Significant, double GiZ);

/// <param name="ComparedWith">The set this one is compared with: the published set, or for the published set the one before it.</param>
/// <param name="Dropped">Spots of the compared set that this set no longer has.</param>
/// <param name="Parameters">How the set was computed, as JSON (method, settings, the blend's weights).</param>
/// <param name="Flags">Spots at places no patrol can treat, with the reason and the analyst's decision; a set with an undecided flag cannot be published.</param>
/// <param name="Excluded">Spots the analyst excluded from this set (at such a place); they are not part of it.</param>
public sealed record HotspotSetReview(
    HotspotSetSummary Set,
    IReadOnlyList<ReviewSpot> Spots,
    HotspotSetSummary? ComparedWith,
    IReadOnlyList<PublishedHotspot> Dropped,
    IReadOnlyList<DensityCell> Density,
    string Parameters,
    IReadOnlyList<PlaceFlag> Flags,
    IReadOnlyList<PublishedHotspot> Excluded);

/// <summary>A cell of the density surface, as its south-west and north-east corners, with its density relative to the densest cell (0–1).</summary>
public sealed record DensityCell(GeoPoint SouthWest, GeoPoint NorthEast, double Value);

/// <summary>An exclusion as analysts see it: its outline, and for a point with a radius, the point and radius.</summary>
public sealed record ExclusionView(long Id, string Name, IReadOnlyList<GeoPoint> Outline, GeoPoint? Centre, double? RadiusMetres,
    DateTime CreatedUtc, string CreatedBy);

/// <summary>A new exclusion: a drawn area (three or more corners), or a point with a radius in metres.</summary>
public sealed record NewExclusion(string Name, IReadOnlyList<GeoPoint>? Area = null, GeoPoint? Centre = null, double? RadiusMetres = null);
