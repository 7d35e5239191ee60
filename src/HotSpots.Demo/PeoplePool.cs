namespace HotSpots.Demo;

/// <summary>
/// Pseudonymised people linked to some crimes: a pool of suspects in which a few are prolific, and victims
/// and witnesses who mostly appear once.
/// </summary>
internal sealed class PeoplePool(Random random)
{
    private const int Suspects = 400;
    private int _nextOther = 10_000;

    public IReadOnlyList<(string, string)> For(string category)
    {
        var linkShare = category switch
        {
            "Violence and sexual offences" or "Robbery" or "Possession of weapons" => 0.45,
            "Anti-social behaviour" => 0.0,
            _ => 0.12,
        };
        if (random.NextDouble() >= linkShare) return [];
        var people = new List<(string, string)> { (Suspect(), random.NextDouble() < 0.3 ? "offender" : "suspect") };
        if (category is "Violence and sexual offences" or "Robbery") people.Add(($"P-{_nextOther++:000000}", "victim"));
        if (random.NextDouble() < 0.2) people.Add(($"P-{_nextOther++:000000}", "witness"));
        return people;
    }

    /// <summary>Zipf-like: person k is picked with weight 1/k, so the first few recur often.</summary>
    private string Suspect()
    {
        var u = random.NextDouble() * Harmonic;
        for (var k = 1; k <= Suspects; k++)
        {
            u -= 1.0 / k;
            if (u <= 0) return $"P-{k:000000}";
        }
        return $"P-{Suspects:000000}";
    }

    private static readonly double Harmonic = Enumerable.Range(1, Suspects).Sum(k => 1.0 / k);
}
