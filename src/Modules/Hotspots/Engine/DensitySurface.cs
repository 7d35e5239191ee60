namespace HotSpots.Modules.Hotspots.Engine;

/// <summary>The density surface stored with a set: (column, row, value) per cell, little-endian, 12 bytes a cell.</summary>
internal static class DensitySurface
{
    public static byte[] Write(GridFrame frame, IReadOnlyList<(int Cell, float Value)> cells)
    {
        var bytes = new byte[cells.Count * 12];
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = frame.CellAt(cells[i].Cell);
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 12), cell.Column);
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 12 + 4), cell.Row);
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 12 + 8), cells[i].Value);
        }
        return bytes;
    }

    public static IEnumerable<(Cell Cell, float Value)> Read(byte[] bytes)
    {
        for (var i = 0; i + 12 <= bytes.Length; i += 12)
            yield return (new Cell(BitConverter.ToInt32(bytes, i), BitConverter.ToInt32(bytes, i + 4)), BitConverter.ToSingle(bytes, i + 8));
    }
}
