using HotSpots.Modules.Hotspots.Contracts;

namespace HotSpots.Modules.Hotspots.Places;

/// <summary>
/// Which location texts of the records name a place no patrol can treat. data.police.uk moves each crime to a map point
/// and names it "On or near " + a street or a kind of place ("On or near Prison", "On or near Police Station",
/// "On or near Hospital") or a named one ("On or near Woodhill Prison", "On or near Broadmoor Hospital").
/// A name matches when it ends with the kind's words (so "Prison Road", "Hospital Hill" and "Police Lane" do not), or
/// begins with a prison's prefix (HMP, HMYOI). Pure: no I/O.
/// </summary>
internal static class PlaceNames
{
    private const string Near = "On or near ";

    /// <summary>England's high secure hospitals and Scotland's State Hospital, known by name; medium and low secure units go on the force's list.</summary>
    private static readonly string[] HighSecure = ["Broadmoor", "Rampton", "Ashworth", "Carstairs", "State"];

    private static readonly (string Ending, PlaceKind Kind)[] Endings =
    [
        ("Custody Suite", PlaceKind.CustodySuite),
        ("Custody Centre", PlaceKind.CustodySuite),
        ("Custody Center", PlaceKind.CustodySuite),
        ("Police Investigation Centre", PlaceKind.CustodySuite),
        ("Police Station", PlaceKind.PoliceStation),
        ("Police Headquarters", PlaceKind.PoliceStation),
        ("Police HQ", PlaceKind.PoliceStation),
        ("Prison", PlaceKind.Prison),
        ("Gaol", PlaceKind.Prison),
        ("Young Offender Institution", PlaceKind.Prison),
        ("Young Offenders Institution", PlaceKind.Prison),
        ("Immigration Removal Centre", PlaceKind.Prison),
        ("Secure Unit", PlaceKind.SecureHospital),
        ("Secure Hospital", PlaceKind.SecureHospital),
        ("Secure Services", PlaceKind.SecureHospital),
        ("Hospital", PlaceKind.Hospital),
        ("Infirmary", PlaceKind.Hospital),
    ];

    private static readonly string[] PrisonPrefixes = ["HMP ", "HMYOI ", "HM Prison ", "HM Young Offender Institution "];

    /// <summary>The place a location text names, without data.police.uk's "On or near ".</summary>
    public static string Bare(string location)
    {
        var text = location.Trim();
        return text.StartsWith(Near, StringComparison.OrdinalIgnoreCase) ? text[Near.Length..].Trim() : text;
    }

    /// <summary>The kind of place a location text names, or null for a street or any other place.</summary>
    public static PlaceKind? KindOf(string location)
    {
        var name = Bare(location);
        if (name.Length == 0) return null;
        foreach (var prefix in PrisonPrefixes)
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && name.Length > prefix.Length) return PlaceKind.Prison;
        foreach (var (ending, kind) in Endings)
        {
            if (!EndsWithWords(name, ending)) continue;
            if (kind == PlaceKind.Hospital && HighSecure.Any(h => name.StartsWith(h + " ", StringComparison.OrdinalIgnoreCase))) return PlaceKind.SecureHospital;
            return kind;
        }
        return null;
    }

    /// <summary>True when the name is the ending, or ends with it after a space (whole words only).</summary>
    private static bool EndsWithWords(string name, string ending) =>
        name.Equals(ending, StringComparison.OrdinalIgnoreCase)
        || name.Length > ending.Length && name.EndsWith(ending, StringComparison.OrdinalIgnoreCase) && name[^(ending.Length + 1)] == ' ';
}
