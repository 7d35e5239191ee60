namespace HotSpots.Modules.Ingestion.Contracts;

public enum UnitType
{
    Unknown,
    Foot,
    Vehicle,
}

/// <summary>Where a police unit was, from a radio or vehicle location feed (all units, not only tasked patrols).</summary>
public sealed record UnitPosition(string UnitId, UnitType UnitType, DateTime TimeUtc, double Latitude, double Longitude, double? AccuracyMetres, double X, double Y);
