using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Modules.Dashboard.Crimes;

/// <summary>
/// Every mappable crime held, as columns in memory with what the pages group by worked out once (local month, week,
/// day-of-week × hour): a page then reads arrays instead of the database. The crimes are the ingestion module's own
/// copy in memory (not a second one); the derived columns are worked out again when it gives a different table
/// (crimes written or harm weights changed), which is asked at most every few seconds.
/// </summary>
internal sealed class CrimeCache(IServiceScopeFactory scopes, ForceOptions force, TimeProvider clock)
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private CrimeColumns? _columns;
    private DateTime _checkedUtc = DateTime.MinValue;

    public async Task<CrimeColumns> GetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_columns is { } fresh && now - _checkedUtc < CheckEvery) return fresh;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_columns is { } again && now - _checkedUtc < CheckEvery) return again;
            await using var scope = scopes.CreateAsyncScope();
            var table = await scope.ServiceProvider.GetRequiredService<IIngestedData>()
                .GetCrimeTableAsync(DateTime.MinValue, DateTime.MaxValue, cancellationToken);
            if (_columns is null || !ReferenceEquals(_columns.Table, table)) _columns = CrimeColumns.From(table, force);
            _checkedUtc = now;
            return _columns;
        }
        finally
        {
            _loading.Release();
        }
    }
}

/// <summary>The crimes' columns plus derived ones: local day number, month index, week index, weekday × hour (-1 untimed).</summary>
internal sealed class CrimeColumns
{
    private CrimeColumns(CrimeTable table, int[] day, int[] month, short[] weekHour, DateOnly firstMonth)
    {
        Table = table;
        Day = day;
        Month = month;
        WeekHour = weekHour;
        FirstMonth = firstMonth;
    }

    public CrimeTable Table { get; }

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

    public static CrimeColumns From(CrimeTable table, ForceOptions force)
    {
        var n = table.Count;
        var day = new int[n];
        var weekHour = new short[n];
        var zone = force.TimeZoneInfo;
        for (var i = 0; i < n; i++)
        {
            var utc = new DateTime(table.OccurredUtcTicks[i], DateTimeKind.Utc);
            // Month-resolution records (data.police.uk) hold the first of the month: keep that date, not the local shift of it.
            var local = table.HasTimeOfDay[i] ? TimeZoneInfo.ConvertTimeFromUtc(utc, zone) : utc;
            day[i] = DateOnly.FromDateTime(local).DayNumber;
            weekHour[i] = table.HasTimeOfDay[i] ? (short)(((int)local.DayOfWeek + 6) % 7 * 24 + local.Hour) : (short)-1;
        }
        var first = n == 0 ? new DateOnly(2000, 1, 1) : DateOnly.FromDayNumber(day.Min());
        var firstMonth = new DateOnly(first.Year, first.Month, 1);
        var month = new int[n];
        for (var i = 0; i < n; i++)
        {
            var d = DateOnly.FromDayNumber(day[i]);
            month[i] = (d.Year - firstMonth.Year) * 12 + d.Month - firstMonth.Month;
        }
        return new CrimeColumns(table, day, month, weekHour, firstMonth);
    }
}
