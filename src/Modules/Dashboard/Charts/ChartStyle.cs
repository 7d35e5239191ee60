using ScottPlot;

namespace HotSpots.Modules.Dashboard.Charts;

/// <summary>One look for every chart: the font, colours and sizes.</summary>
internal static class ChartStyle
{
    public const int Width = 800;
    public const int Height = 360;

    public static readonly Color Primary = Color.FromHex("#1f5f8b");
    public static readonly Color Target = Color.FromHex("#b0303a");
    public static readonly Color Spot = Color.FromHex("#b0303a");

    private static readonly Lock FontLock = new();
    private static bool _fontsReady;

    public static Plot NewPlot()
    {
        EnsureFont();
        var plot = new Plot();
        plot.Font.Set(Fonts.Default);
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);
        return plot;
    }

    /// <summary>ScottPlot draws no text, without error, when it finds no font: use DejaVu Sans when installed.</summary>
    private static void EnsureFont()
    {
        lock (FontLock)
        {
            if (_fontsReady) return;
            const string dejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
            if (File.Exists(dejaVu))
            {
                Fonts.AddFontFile("DejaVu Sans", dejaVu);
                Fonts.Default = "DejaVu Sans";
            }
            _fontsReady = true;
        }
    }
}
