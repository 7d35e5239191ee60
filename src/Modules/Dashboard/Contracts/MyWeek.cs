namespace HotSpots.Modules.Dashboard.Contracts;

/// <summary>An officer's own contribution: this police week so far and the week before, and, where the force allows it, their place in their team.</summary>
/// <param name="Place">Null where the force does not show officers their place, the officer has no team, or no minutes in spots this week yet.</param>
/// <param name="PlaceShown">Whether the force shows officers their place.</param>
public sealed record MyWeek(WeekFigures ThisWeek, WeekFigures LastWeek, TeamPlace? Place, bool PlaceShown);

/// <summary>
/// One police week (Monday to Sunday police days, in the force's time zone) of one officer's tasked patrols. A patrol
/// counts in the week it started.
/// </summary>
/// <param name="MinutesInSpots">Observed minutes inside the spots: time the phone could not measure is never counted here.</param>
/// <param name="KoperVisits">Visits of 10 to 16 minutes (the force's setting).</param>
/// <param name="Spots">Different spots visited.</param>
/// <param name="UnobservedMinutes">Minutes of the week's ended patrols that the phone could not measure.</param>
public sealed record WeekFigures(DateOnly FirstDay, DateOnly LastDay, double MinutesInSpots, int Visits, int KoperVisits, int Spots, int Patrols, double UnobservedMinutes);

/// <summary>The officer's place in their team by minutes in spots this week: "3rd of 9". Ties share the better place.</summary>
public sealed record TeamPlace(int Place, int Of, string Team);
