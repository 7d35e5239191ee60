namespace HotSpots.Modules.Workforce.Data;

internal sealed class Team
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>When the team was retired; null while it is in use.</summary>
    public DateTime? RetiredUtc { get; set; }
}

internal sealed class Officer
{
    /// <summary>The officer's sign-in id.</summary>
    public required string Id { get; set; }
    public required string DisplayName { get; set; }
    public string? CollarNumber { get; set; }
    public long? TeamId { get; set; }

    /// <summary>Whether the officer supervises their team.</summary>
    public bool Supervisor { get; set; }
}
