namespace HotSpots.Demo;

/// <summary>A representative Home Office offence code for each category, so demo records look like a force's.</summary>
internal static class OffenceCodes
{
    public static string For(string category) => category switch
    {
        "Violence and sexual offences" => "105A",
        "Robbery" => "034B",
        "Possession of weapons" => "010C",
        "Public order" => "125",
        "Criminal damage and arson" => "058C",
        "Theft from the person" => "039",
        "Burglary" => "028A",
        "Vehicle crime" => "045",
        "Shoplifting" => "046",
        "Other theft" => "049",
        "Bicycle theft" => "044",
        "Drugs" => "092A",
        "Anti-social behaviour" => "ASB",
        _ => "099",
    };
}
