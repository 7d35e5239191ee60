namespace HotSpots.Modules.Workforce.Contracts;

/// <summary>
/// The roles of HotSpots users: the only names an account's roles may have (an account is refused any other), and the
/// names the web host's policies require.
/// </summary>
public static class Roles
{
    public const string Officer = "Officer";
    public const string Supervisor = "Supervisor";
    public const string Analyst = "Analyst";
    public const string Manager = "Manager";
    public const string Evaluator = "Evaluator";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Officer, Supervisor, Analyst, Manager, Evaluator, Admin];
}
