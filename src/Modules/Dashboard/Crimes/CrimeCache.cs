using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Revisions;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Modules.Dashboard.Crimes;

/// <summary>
/// Every mappable crime held, as columns in memory with what the pages group by worked out once (local month, week,
/// day-of-week × hour): a page then reads arrays instead of the database. The crimes are the ingestion module's own
/// copy in memory (not a second one). A revisioned copy (<see cref="RevisionedCache{T}"/>) of the crimes and the harm
/// weights: every page reads their revisions first (one small query), so that crimes imported or weights changed on any
/// node are on the next page. The derived columns depend on the crimes alone, and are kept while the table's
/// <see cref="CrimeTable.Revision"/> stays (a change of harm weights only swaps the table).
/// </summary>
internal sealed class CrimeCache
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ForceOptions _force;
    // Keyed by the force's time zone: the local columns are built again when the set-up page changes it.
    private readonly RevisionedCache<string, CrimeColumns> _columns;

    public CrimeCache(IServiceScopeFactory scopes, IRevisionReader revisions, ForceOptions force, TimeProvider clock)
    {
        _scopes = scopes;
        _force = force;
        _columns = new RevisionedCache<string, CrimeColumns>(revisions, [IngestionRevisions.Crimes, IngestionRevisions.HarmWeights], BuildAsync, clock);
    }

    public Task<CrimeColumns> GetAsync(CancellationToken cancellationToken) => _columns.GetAsync(_force.TimeZone, cancellationToken);

    private async Task<CrimeColumns> BuildAsync(string timeZone, RevisionStamp stamp, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var table = await scope.ServiceProvider.GetRequiredService<IIngestedData>()
            .GetCrimeTableAsync(DateTime.MinValue, DateTime.MaxValue, cancellationToken);
        return _columns.Held is { } held && held.Table.Revision == table.Revision && held.TimeZone == timeZone ? held.With(table) : CrimeColumns.From(table, _force);
    }
}

/// <summary>The crimes' columns plus derived ones: local day number, month index, week index, weekday × hour (-1 untimed).</summary>
internal sealed class CrimeColumns
{
    private CrimeColumns(CrimeTable table, string timeZone, int[] day, int[] month, short[] weekHour, DateOnly firstMonth)
    {
        Table = table;
        TimeZone = timeZone;
        Day = day;
        Month = month;
        WeekHour = weekHour;
        FirstMonth = firstMonth;
    }

    public CrimeTable Table { get; }

    /// <summary>The force's time zone the local columns were worked out in.</summary>
    public string TimeZone { get; }

    /// <summary>Local calendar day (DateOnly.DayNumber).</summary>
    public int[] Day { get; }

    /// <summary>Months since <see cref="FirstMonth"/>.</summary>
    public int[] Month { get; }

    /// <summary>Local day of week × 24 + hour (Monday = 0), or -1 when the record has no time of day.</summary>
    public short[] WeekHour { get; }

    public DateOnly FirstMonth { get; }

    /// <summary>Answers already worked out from these crimes (pages with their charts), by a key of what was asked.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, object> Answers { get; } = new();

    public int Count => Table.Count;

    public DateOnly LastDay => Count == 0 ? DateOnly.FromDateTime(DateTime.UtcNow) : DateOnly.FromDayNumber(Day.Max());

    /// <summary>The same crimes (a table of the same revision) with another table's harm per category; answers start afresh.</summary>
    public CrimeColumns With(CrimeTable table) =>
        table.Revision == Table.Revision && table.Count == Count
            ? new CrimeColumns(table, TimeZone, Day, Month, WeekHour, FirstMonth)
            : throw new ArgumentException($"The table holds crimes at revision {table.Revision}, not {Table.Revision}.", nameof(table));

    public static CrimeColumns From(CrimeTable table, ForceOptions force)
    {
        var n = table.Count;
        var day = new int[n];
        var weekHour = new short[n];
        var zone = force.TimeZoneInfo;
        var ticks = table.OccurredUtcTicks;
        var timed = table.HasTimeOfDay;
        for (var i = 0; i < n; i++)
        {
            var utc = new DateTime(ticks[i], DateTimeKind.Utc);
            // Month-resolution records (data.police.uk) hold the first of the month: keep that date, not the local shift of it.
            var local = timed[i] ? TimeZoneInfo.ConvertTimeFromUtc(utc, zone) : utc;
            day[i] = DateOnly.FromDateTime(local).DayNumber;
            weekHour[i] = timed[i] ? (short)(((int)local.DayOfWeek + 6) % 7 * 24 + local.Hour) : (short)-1;
        }
        var first = n == 0 ? new DateOnly(2000, 1, 1) : DateOnly.FromDayNumber(day.Min());
        var firstMonth = new DateOnly(first.Year, first.Month, 1);
        var month = new int[n];
        for (var i = 0; i < n; i++)
        {
            var d = DateOnly.FromDayNumber(day[i]);
            month[i] = (d.Year - firstMonth.Year) * 12 + d.Month - firstMonth.Month;
        }
        return new CrimeColumns(table, force.TimeZone, day, month, weekHour, firstMonth);
    }
}
