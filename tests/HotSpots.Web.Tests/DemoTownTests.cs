using HotSpots.Demo;

namespace HotSpots.Web.Tests;

public sealed class DemoTownTests
{
    [Theory]
    [InlineData("2026-11-25")] // a Wednesday: its weekend nights lie ahead
    [InlineData("2026-11-27")] // a Friday
    [InlineData("2026-11-28")] // a Saturday: its night runs into Sunday
    public void No_demo_crime_happens_after_the_last_day_and_weekend_nights_still_dominate(string last)
    {
        var lastDay = DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture);
        var crimes = DemoTown.Crimes(2026, lastDay, perYear: 15_000).ToList();
        crimes.Max(c => DateOnly.FromDateTime(c.OccurredFrom)).ShouldBeLessThanOrEqualTo(lastDay);
        crimes.Min(c => DateOnly.FromDateTime(c.OccurredFrom)).ShouldBeGreaterThanOrEqualTo(lastDay.AddDays(-365 - 7));
        var nights = crimes.Count(c => c.OccurredFrom.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday && c.OccurredFrom.Hour >= 21
                                      || c.OccurredFrom.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && c.OccurredFrom.Hour < 4);
        nights.ShouldBeGreaterThan(crimes.Count / 5);
    }
}
