using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace HotSpots.Modules.Dashboard.Pdf;

/// <summary>A4 pages written top to bottom: headings, wrapped paragraphs, tables and images, with a new page when one is full.</summary>
internal sealed class PdfWriter : IDisposable
{
    public const double Margin = 42;
    private readonly PdfDocument _document = new();
    private readonly string _footer;
    private XGraphics? _gfx;
    private PdfPage? _page;

    public PdfWriter(string title, string footer)
    {
        DejaVuFonts.Install();
        _document.Info.Title = title;
        _document.Info.Creator = "HotSpots";
        _footer = footer;
        NewPage();
    }

    public static readonly XFont Title = new(DejaVuFonts.Family, 17, XFontStyleEx.Bold);
    public static readonly XFont Heading = new(DejaVuFonts.Family, 12.5, XFontStyleEx.Bold);
    public static readonly XFont Body = new(DejaVuFonts.Family, 9.5, XFontStyleEx.Regular);
    public static readonly XFont Bold = new(DejaVuFonts.Family, 9.5, XFontStyleEx.Bold);
    public static readonly XFont Small = new(DejaVuFonts.Family, 7.5, XFontStyleEx.Italic);

    public XGraphics Gfx => _gfx!;
    public double Y { get; set; }
    public double Width => _page!.Width.Point - 2 * Margin;
    public double Bottom => _page!.Height.Point - Margin - 14;
    public int Pages => _document.PageCount;

    public void NewPage()
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        _gfx.DrawString(_footer, Small, XBrushes.Gray, new XRect(Margin, _page.Height.Point - Margin + 4, Width, 12), XStringFormats.TopLeft);
        _gfx.DrawString($"Page {_document.PageCount}", Small, XBrushes.Gray, new XRect(Margin, _page.Height.Point - Margin + 4, Width, 12), XStringFormats.TopRight);
        Y = Margin;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void Need(double height)
    {
        if (Y + height > Bottom) NewPage();
    }

    public void Text(string text, XFont font, XBrush? brush = null, double after = 4)
    {
        foreach (var line in Wrap(text, font, Width))
        {
            var height = font.GetHeight() * 1.15;
            Need(height);
            Gfx.DrawString(line, font, brush ?? XBrushes.Black, new XRect(Margin, Y, Width, height), XStringFormats.TopLeft);
            Y += height;
        }
        Y += after;
    }

    public void Section(string heading)
    {
        Need(60);
        Y += 6;
        Text(heading, Heading, new XSolidBrush(XColor.FromArgb(0x12, 0x26, 0x3a)), 2);
    }

    /// <summary>A table; the first column is left-aligned, the others right-aligned. Widths are shares of the page width.</summary>
    public void Table(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<double> shares)
    {
        var widths = shares.Select(s => s / shares.Sum() * Width).ToArray();
        var height = Body.GetHeight() * 1.35;
        void Row(IReadOnlyList<string> cells, XFont font)
        {
            Need(height);
            var x = Margin;
            for (var c = 0; c < cells.Count && c < widths.Length; c++)
            {
                var text = Fit(cells[c], font, widths[c] - 6);
                Gfx.DrawString(text, font, XBrushes.Black, new XRect(x + 2, Y, widths[c] - 4, height), c == 0 ? XStringFormats.CenterLeft : XStringFormats.CenterRight);
                x += widths[c];
            }
            Y += height;
            Gfx.DrawLine(new XPen(XColor.FromArgb(0xdd, 0xe3, 0xe9), 0.5), Margin, Y, Margin + Width, Y);
        }
        Row(columns, Bold);
        foreach (var row in rows) Row(row, Body);
        Y += 6;
    }

    public void Image(byte[] png, double width, string alternative)
    {
        using var stream = new MemoryStream(png);
        using var image = XImage.FromStream(stream);
        var height = width * image.PixelHeight / image.PixelWidth;
        Need(height + 4);
        Gfx.DrawImage(image, Margin, Y, width, height);
        Y += height + 2;
        Text(alternative, Small, XBrushes.DimGray, 6);
    }

    public byte[] ToBytes()
    {
        _gfx?.Dispose();
        _gfx = null;
        using var stream = new MemoryStream();
        _document.Save(stream, false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _document.Dispose();
    }

    private IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && Gfx.MeasureString(candidate, font).Width > width)
                {
                    yield return line;
                    line = word;
                }
                else line = candidate;
            }
            yield return line;
        }
    }

    private string Fit(string text, XFont font, double width)
    {
        if (Gfx.MeasureString(text, font).Width <= width) return text;
        while (text.Length > 1 && Gfx.MeasureString(text + "…", font).Width > width) text = text[..^1];
        return text + "…";
    }
}
