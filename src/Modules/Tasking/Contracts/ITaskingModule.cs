using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Platform.Geography;

namespace HotSpots.Modules.Tasking.Contracts;

/// <summary>Sends the right officer to the right spot, and keeps the teams officers belong to.</summary>
public interface ITaskingModule
{
    /// <summary>Published spots nearest to a position, nearest first. Answered from memory.</summary>
    IReadOnlyList<SpotDistance> NearMe(GeoPoint position, int count);

    /// <summary>A randomised pick among the nearest eligible spots, recorded; null when no spot is published.</summary>
    Task<Direction?> DirectMeAsync(string officerId, GeoPoint position, CancellationToken cancellationToken);

    /// <summary>A direction given earlier to this officer, while its spot is still published; null otherwise.</summary>
    Task<Direction?> GetDirectionAsync(long directionId, string officerId, CancellationToken cancellationToken);

    Task<TeamView> CreateTeamAsync(string name, CancellationToken cancellationToken);

    /// <summary>Adds or updates an officer (by sign-in id) with the name shown on leaderboards and their team.</summary>
    Task SaveOfficerAsync(string officerId, string displayName, long? teamId, CancellationToken cancellationToken);

    Task<IReadOnlyList<OfficerView>> ListOfficersAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<TeamView>> ListTeamsAsync(CancellationToken cancellationToken);
}

/// <summary>Where an officer was sent, and why that spot was picked.</summary>
public sealed record Direction(long Id, PublishedHotspot Spot, double DistanceMetres, int Candidates);

public sealed record TeamView(long Id, string Name);

public sealed record OfficerView(string OfficerId, string DisplayName, long? TeamId, string? TeamName);
