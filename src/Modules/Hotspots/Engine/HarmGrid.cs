using HotSpots.Modules.Ingestion.Contracts;

namespace HotSpots.Modules.Hotspots.Engine;

/// <summary>A cell of the metric grid: column and row, with the origin at multiples of the cell size.</summary>
internal readonly record struct Cell(int Column, int Row)
{
    public static Cell Of(double x, double y, double size) => new((int)Math.Floor(x / size), (int)Math.Floor(y / size));

    public IEnumerable<Cell> Neighbours()
    {
        yield return this with { Column = Column + 1 };
        yield return this with { Column = Column - 1 };
        yield return this with { Row = Row + 1 };
        yield return this with { Row = Row - 1 };
    }
}

/// <summary>Harm-weighted counts per grid cell: each crime adds its harm to the cell it falls in.</summary>
internal static class HarmGrid
{
    public static Dictionary<Cell, double> Score(IEnumerable<CrimePoint> crimes, double cellSize, IReadOnlySet<string> categories)
    {
        var scores = new Dictionary<Cell, double>();
        foreach (var crime in crimes)
        {
            if (!categories.Contains(crime.Category)) continue;
            var cell = Cell.Of(crime.X, crime.Y, cellSize);
            scores[cell] = scores.GetValueOrDefault(cell) + crime.Harm;
        }
        return scores;
    }
}
