namespace HotSpots.Modules.Hotspots.Engine;

/// <summary>A cell of the metric grid: column and row, with the origin at multiples of the cell size.</summary>
internal readonly record struct Cell(int Column, int Row)
{
    public static Cell Of(double x, double y, double size) => new((int)Math.Floor(x / size), (int)Math.Floor(y / size));
}

/// <summary>
/// A rectangle of grid cells held as flat arrays (index = row × width + column). Cell edges sit at multiples of the
/// cell size in projected metres, so the same place always falls in the same cell.
/// </summary>
internal sealed record GridFrame(double CellSize, int Column0, int Row0, int Width, int Height)
{
    /// <summary>Above this many cells a raster would need gigabytes: the area or the cell size is wrong.</summary>
    public const int MaxCells = 40_000_000;

    public int Count => Width * Height;

    /// <summary>The frame that holds every given point, with <paramref name="margin"/> spare cells on each side.</summary>
    public static GridFrame Covering(double minX, double minY, double maxX, double maxY, double cellSize, int margin)
    {
        if (!(cellSize > 0)) throw new ArgumentOutOfRangeException(nameof(cellSize), "The cell size must be positive.");
        var column0 = (int)Math.Floor(minX / cellSize) - margin;
        var row0 = (int)Math.Floor(minY / cellSize) - margin;
        var width = (long)Math.Floor(maxX / cellSize) - column0 + margin + 1;
        var height = (long)Math.Floor(maxY / cellSize) - row0 + margin + 1;
        if (width * height > MaxCells)
            throw new InvalidOperationException(
                $"The crimes span {width * cellSize / 1000:N0} km × {height * cellSize / 1000:N0} km: {width * height:N0} cells of {cellSize} m " +
                $"is more than {MaxCells:N0}. Check for positions far outside the force area, or use larger cells.");
        return new GridFrame(cellSize, column0, row0, (int)width, (int)height);
    }

    /// <summary>The index of the cell a point falls in, or -1 outside the frame.</summary>
    public int IndexOf(double x, double y)
    {
        var column = (int)Math.Floor(x / CellSize) - Column0;
        var row = (int)Math.Floor(y / CellSize) - Row0;
        return column < 0 || row < 0 || column >= Width || row >= Height ? -1 : row * Width + column;
    }

    public int IndexOf(Cell cell)
    {
        int column = cell.Column - Column0, row = cell.Row - Row0;
        return column < 0 || row < 0 || column >= Width || row >= Height ? -1 : row * Width + column;
    }

    public Cell CellAt(int index) => new(Column0 + index % Width, Row0 + index / Width);

    public (double X, double Y) CentreOf(int index) =>
        ((Column0 + index % Width + 0.5) * CellSize, (Row0 + index / Width + 0.5) * CellSize);

    public double CellArea => CellSize * CellSize;
}
