using NetTopologySuite.Geometries;
using PdfSharp.Drawing;

namespace HotSpots.Modules.Dashboard.Pdf;

/// <summary>
/// A map of one spot drawn straight into the PDF (no tile server): the outline, the crimes around it as dots (serious
/// violence in red), a 100 m scale bar and north. Projected metres, so distances on the page are true.
/// </summary>
internal static class SpotMap
{
    public static void Draw(XGraphics gfx, XRect box, Geometry polygon, IReadOnlyList<(double X, double Y, bool Serious)> crimes)
    {
        gfx.DrawRectangle(new XPen(XColors.LightGray, 0.6), new XSolidBrush(XColor.FromArgb(0xf4, 0xf6, 0xf8)), box);
        var envelope = polygon.EnvelopeInternal.Copy();
        envelope.ExpandBy(Math.Max(120, Math.Max(envelope.Width, envelope.Height) * 0.4));
        var scale = Math.Min(box.Width / envelope.Width, box.Height / envelope.Height);
        var (cx, cy) = (envelope.Centre.X, envelope.Centre.Y);
        XPoint Page(double x, double y) => new(box.X + box.Width / 2 + (x - cx) * scale, box.Y + box.Height / 2 - (y - cy) * scale);

        var state = gfx.Save();
        gfx.IntersectClip(box);
        foreach (var (x, y, serious) in crimes.OrderBy(c => c.Serious))
        {
            var p = Page(x, y);
            var brush = serious ? new XSolidBrush(XColor.FromArgb(170, 0xb0, 0x30, 0x3a)) : new XSolidBrush(XColor.FromArgb(110, 0x5b, 0x68, 0x75));
            gfx.DrawEllipse(brush, p.X - 1.8, p.Y - 1.8, 3.6, 3.6);
        }
        foreach (var part in Enumerable.Range(0, polygon.NumGeometries).Select(polygon.GetGeometryN).OfType<Polygon>())
        {
            var points = part.ExteriorRing.Coordinates.Select(c => Page(c.X, c.Y)).ToArray();
            gfx.DrawPolygon(new XPen(XColor.FromArgb(0xb0, 0x30, 0x3a), 2), new XSolidBrush(XColor.FromArgb(30, 0xb0, 0x30, 0x3a)), points, XFillMode.Winding);
        }
        gfx.Restore(state);

        var bar = 100 * scale;
        var y0 = box.Bottom - 12;
        gfx.DrawLine(new XPen(XColors.Black, 1.5), box.X + 10, y0, box.X + 10 + bar, y0);
        gfx.DrawString("100 m", PdfWriter.Small, XBrushes.Black, box.X + 12 + bar, y0 + 3);
        gfx.DrawString("N ↑", PdfWriter.Bold, XBrushes.Black, new XRect(box.Right - 30, box.Y + 4, 26, 14), XStringFormats.TopRight);
    }
}
