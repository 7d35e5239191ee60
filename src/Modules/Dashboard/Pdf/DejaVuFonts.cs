using PdfSharp.Fonts;

namespace HotSpots.Modules.Dashboard.Pdf;

/// <summary>
/// PDFsharp on Linux finds no fonts by itself: every family maps to DejaVu Sans (Debian's fonts-dejavu-core), regular or
/// bold; italic is slanted by PDFsharp, since the core package's oblique faces are not always installed.
/// </summary>
internal sealed class DejaVuFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Folder = "/usr/share/fonts/truetype/dejavu";
    private static readonly Lock Setup = new();

    public static void Install()
    {
        lock (Setup)
        {
            if (GlobalFontSettings.FontResolver is DejaVuFonts) return;
            if (!File.Exists(Path.Combine(Folder, "DejaVuSans.ttf")))
                throw new InvalidOperationException($"PDFs need the DejaVu fonts: install the Debian package fonts-dejavu-core ({Folder}).");
            GlobalFontSettings.FontResolver = new DejaVuFonts();
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", false, italic);

    public byte[] GetFont(string faceName) => File.ReadAllBytes(Path.Combine(Folder, faceName + ".ttf"));
}
