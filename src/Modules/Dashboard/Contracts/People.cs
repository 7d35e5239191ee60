using HotSpots.Platform;

namespace HotSpots.Modules.Dashboard.Contracts;

/// <summary>The pseudonymised people linked to crimes in each published spot over the period.</summary>
public sealed record PeopleInSpots(DateTime FromUtc, DateTime ToUtc, IReadOnlyList<SpotPeople> Spots);

public sealed record SpotPeople(long HotspotId, int Rank, string Name, IReadOnlyList<PersonInSpot> People);

/// <param name="CrimesInSpot">Crimes in the spot the person is linked to over the period.</param>
/// <param name="Roles">Their roles in those crimes (suspect, offender, victim, witness).</param>
public sealed record PersonInSpot(string PersonId, int CrimesInSpot, IReadOnlyList<string> Roles, double Harm, DateTime LastUtc);

/// <summary>A person's offending history: every linked crime held, with their role in it.</summary>
public sealed record PersonHistory(string PersonId, IReadOnlyList<PersonCrime> Crimes)
{
    public int AsSuspectOrOffender => Crimes.Count(c => c.Role is "suspect" or "offender");

    public double Harm => Crimes.Where(c => c.Role is "suspect" or "offender").Sum(c => c.Harm);
}

/// <param name="Hotspot">The published spot the crime lies in, if any.</param>
public sealed record PersonCrime(DateTime OccurredUtc, bool HasTimeOfDay, string Role, string Category, double Harm, string? Reference, string? Location, string? Hotspot);

/// <summary>Opening a person needs a reason that says why (at least <see cref="MinJustificationLength"/> characters).</summary>
public sealed class JustificationRequiredException(string message) : ValidationException(message)
{
    public const int MinJustificationLength = 10;
}
