using HotSpots.Modules.Tasking.Contracts;

namespace HotSpots.Testing;

/// <summary>A complete analysis plan for tests that seal a trial (a trial cannot be sealed without one).</summary>
public static class TrialPlans
{
    public static AnalysisPlan Harm { get; } = new(PlannedOutcome.Harm, ["Violence and sexual offences", "Robbery", "Possession of weapons"],
        PlannedTest.Randomisation, PlannedModel.NegativeBinomial, PlannedSides.TwoSided, 0.05, 150, 15);
}
