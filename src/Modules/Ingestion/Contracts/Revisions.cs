using HotSpots.Platform.Revisions;

namespace HotSpots.Modules.Ingestion.Contracts;

/// <summary>The kinds of data this module raises a revision of (<see cref="Revision"/>), for copies held in memory.</summary>
public static class IngestionRevisions
{
    /// <summary>Raised by every batch that inserts or updates crimes (an import, a re-submitted row), in its transaction.</summary>
    public const string Crimes = "ingestion.crimes";

    /// <summary>Raised when the analyst's harm overrides change (the harm of each category in a <see cref="CrimeTable"/>).</summary>
    public static readonly string HarmWeights = Revision.OfSetting(Harm.HarmTable.SettingKey);
}
