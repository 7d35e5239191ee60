namespace HotSpots.Modules.Ingestion.Contracts;

/// <summary>
/// How long the module keeps what it holds about people and imports (run-time settings, every change audited).
/// </summary>
/// <param name="PeopleLinkDays">Links between crimes and (pseudonymised) people are erased once the crime occurred this many days ago; the crimes stay.</param>
/// <param name="ImportHistoryDays">Finished imports' history and quarantined rows (raw lines) are erased after this many days.</param>
public sealed record IngestionRetention(int PeopleLinkDays, int ImportHistoryDays, int UnitPositionDays);

/// <summary>What one purge erased, and the cut-off instants it used.</summary>
public sealed record RetentionPurge(long PeopleLinks, long Imports, long QuarantinedRows, DateTime PeopleBeforeUtc, DateTime ImportsBeforeUtc, long UnitPositions = 0);
