using System.Globalization;

namespace HotSpots.Testing;

/// <summary>
/// Runs of a test that once failed now and then: once in a normal run, and HOTSPOTS_TEST_REPEAT times in a row (one
/// after another, while the other test classes of the assembly run beside them) to show that it no longer does.
/// </summary>
public static class Repeat
{
    public const string Variable = "HOTSPOTS_TEST_REPEAT";

    public static IEnumerable<object[]> Runs =>
        Enumerable.Range(1, int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1)
            .Select(run => new object[] { run });
}
