using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Web.Accounts;

namespace HotSpots.Web.Tests.Security;

/// <summary>
/// Who may reach each route the app registers: the code form of the table in docs/security.md. A new endpoint
/// without a row here fails <see cref="AccessTableTests"/>; so does a row that disagrees with the doc.
/// </summary>
internal static class AccessTable
{
    /// <summary>Reachable without signing in.</summary>
    public const string Anonymous = "Anonymous";

    /// <summary>Route (as registered, "/Index" dropped) → the policy its page or endpoint names.</summary>
    public static readonly IReadOnlyDictionary<string, string> Rules = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["/"] = Policies.SignedIn,
        ["/Glossary"] = Policies.SignedIn,
        ["/Account/SignIn"] = Anonymous,
        ["/Account/TwoFactor"] = Anonymous,
        ["/Account/External"] = Anonymous,
        ["/Account/SignOut"] = Anonymous,
        ["/Account/Authenticator"] = Policies.SignedIn,
        ["/Account/Invitation"] = Anonymous,
        ["/Status/{code:int}"] = Anonymous,

        ["/Officer"] = Policies.Patrol,
        ["/Officer/Direct/{directionId:long?}"] = Policies.Patrol,
        ["/Officer/Guide/{step:int?}"] = Policies.Patrol,
        ["/Officer/Patrol/{patrolId:long}"] = Policies.Patrol,
        ["/Officer/Patrols"] = Policies.Patrol,
        ["/Officer/Patrols/{patrolId:long}"] = Policies.Patrol,
        ["/Officer/Week"] = Policies.Patrol,
        ["/api/hotspots/near"] = Policies.Patrol,
        ["/api/patrols/{patrolId:long}"] = Policies.Patrol,
        ["/api/patrols/{patrolId:long}/pings"] = Policies.Patrol,
        ["/api/patrols/{patrolId:long}/activities"] = Policies.Patrol,
        ["/api/patrols/{patrolId:long}/activities/{seq:long}/undo"] = Policies.Patrol,
        ["/api/patrols/{patrolId:long}/unobserved"] = Policies.Patrol,
        ["/api/patrols/{patrolId:long}/end"] = Policies.Patrol,

        ["/Supervisor"] = Policies.Supervise,
        ["/Supervisor/Tracks"] = Policies.Supervise,
        ["/api/supervisor/live"] = Policies.Supervise,

        ["/Manager"] = Policies.Dashboard,
        ["/Dashboard/Crimes"] = Policies.Dashboard,
        ["/Dashboard/Compliance"] = Policies.Evaluate,
        ["/Dashboard/Impact"] = Policies.Evaluate,
        ["/Dashboard/Leaderboards"] = Policies.Dashboard,
        ["/Dashboard/Reports"] = Policies.Dashboard,
        ["/Dashboard/People"] = Policies.People,
        ["/Dashboard/Person"] = Policies.People,
        ["/Dashboard/Settings"] = Policies.Admin,
        ["/odata"] = Policies.Feed,
        ["/odata/$metadata"] = Policies.Feed,
        ["/odata/Hotspots"] = Policies.Feed,
        ["/odata/Hotspots/$count"] = Policies.Feed,
        ["/odata/Visits"] = Policies.Feed,
        ["/odata/Visits/$count"] = Policies.Feed,
        ["/odata/Activities"] = Policies.Feed,
        ["/odata/Activities/$count"] = Policies.Feed,
        ["/odata/Dosage"] = Policies.Feed,
        ["/odata/Dosage/$count"] = Policies.Feed,
        ["/odata/Presence"] = Policies.Feed,
        ["/odata/Presence/$count"] = Policies.Feed,
        ["/odata/ActivityCounts"] = Policies.Feed,
        ["/odata/ActivityCounts/$count"] = Policies.Feed,
        ["/odata/Crimes"] = Policies.Feed,
        ["/odata/Crimes/$count"] = Policies.Feed,
        ["/Settings/Dose"] = Policies.DoseTargets,
        ["/Trials"] = Policies.Trials,
        ["/Trials/Details/{trialId:long}"] = Policies.Trials,

        ["/Analyst"] = Policies.Analyse,
        ["/Analyst/Set/{setId:long}"] = Policies.Analyse,
        ["/Analyst/Exclusions"] = Policies.Analyse,
        ["/Analyst/Places"] = Policies.Analyse,
        ["/Analyst/Backtest/{runId:long?}"] = Policies.Analyse,

        ["/Imports"] = Policies.Import,
        ["/Imports/{id:long}"] = Policies.Import,
        ["/Imports/Profiles"] = Policies.Import,
        ["/Imports/Quarantine"] = Policies.Import,
        ["/Imports/Settings"] = Policies.Import,
        ["/api/v1/imports"] = Policies.ImportApi,
        ["/api/v1/imports/{importId:long}"] = Policies.ImportApi,
        ["/connect/token"] = Anonymous,
        ["/openapi/{documentName}.json"] = Anonymous,

        ["/Admin/Audit"] = Policies.Admin,
        ["/Admin/Retention"] = Policies.Admin,
        ["/Admin/Teams"] = Policies.Admin,
        ["/Admin/Roster"] = Policies.Admin,
        ["/Admin/SetUp"] = Policies.Admin,
        ["/Admin/Status"] = Policies.Admin,
        ["/Admin/WatchFolder"] = Policies.Admin,
        ["/Admin/Users"] = Policies.Admin,
        ["/Admin/Users/Add"] = Policies.Admin,
        ["/Admin/Users/{userId}"] = Policies.Admin,
        ["/hangfire/{**path}"] = Policies.Admin,

        ["/health/live"] = Anonymous,
        ["/health/ready"] = Anonymous,
        ["/metrics"] = Policies.Metrics,
    };

    /// <summary>Policies that admit by where the request comes from, not by role: from this machine (and the in-process tests), anyone.</summary>
    public static readonly IReadOnlySet<string> ByNetwork = new HashSet<string> { Policies.Metrics };

    /// <summary>
    /// What each role sees of a running sealed trial's spots (docs/security.md, "What each role sees"): each spot's arm
    /// (<see cref="BySpot"/>), the arms in totals only (<see cref="Totals"/>), or, of hot spots, only those tasking offers
    /// today (<see cref="TreatedToday"/>).
    /// </summary>
    public const string BySpot = "by spot";

    public const string Totals = "totals";

    public const string TreatedToday = "treated today";

    /// <summary>Each role's sight of a running trial, on every route of <see cref="ShowsSpots"/> it may open.</summary>
    public static readonly IReadOnlyDictionary<string, string> RoleSight = new Dictionary<string, string>
    {
        [Roles.Officer] = TreatedToday,
        [Roles.Supervisor] = TreatedToday,
        [Roles.Analyst] = Totals,
        [Roles.Manager] = Totals,
        [Roles.Evaluator] = BySpot,
        [Roles.Admin] = BySpot,
    };

    /// <summary>
    /// The routes that can name a hot spot, with the requests that show what each role sees of a running trial
    /// ({trial}: the trial, {set}: the published set, {year}/{month}: this month; a request with {control} or
    /// {lat}/{lon} is made once for each control spot, at its centre). Routes of one's own patrol records, which
    /// the test's force has none of yet, are listed with no request.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> ShowsSpots = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["/api/hotspots/near"] = ["/api/hotspots/near?lat={lat}&lon={lon}&count=50"],
        ["/Officer/Direct/{directionId:long?}"] = [],
        ["/Officer/Patrol/{patrolId:long}"] = [],
        ["/Officer/Patrols"] = ["/Officer/Patrols"],
        ["/Officer/Patrols/{patrolId:long}"] = [],
        ["/api/patrols/{patrolId:long}"] = [],
        ["/Supervisor"] = ["/Supervisor"],
        ["/Supervisor/Tracks"] = ["/Supervisor/Tracks"],
        ["/api/supervisor/live"] = ["/api/supervisor/live"],
        ["/Manager"] = ["/Manager"],
        ["/Dashboard/Crimes"] = ["/Dashboard/Crimes", "/Dashboard/Crimes?spot={control}"],
        ["/Dashboard/Compliance"] = ["/Dashboard/Compliance"],
        ["/Dashboard/Impact"] = ["/Dashboard/Impact"],
        ["/Dashboard/Reports"] =
        [
            "/Dashboard/Reports", "/Dashboard/Reports?handler=Briefing&id={control}", "/Dashboard/Reports?handler=Monthly&year={year}&month={month}",
            "/Dashboard/Reports?handler=Export&kind=Hotspots&format=Csv", "/Dashboard/Reports?handler=Export&kind=Hotspots&format=GeoJson",
            "/Dashboard/Reports?handler=Export&kind=Visits&format=Csv",
        ],
        ["/Dashboard/People"] = ["/Dashboard/People"],
        ["/Dashboard/Person"] = [],
        ["/Trials/Details/{trialId:long}"] = ["/Trials/Details/{trial}"],
        ["/Analyst"] = ["/Analyst"],
        ["/Analyst/Set/{setId:long}"] = ["/Analyst/Set/{set}"],
        ["/Analyst/Exclusions"] = ["/Analyst/Exclusions"],
        ["/Admin/Audit"] = ["/Admin/Audit"],
    };

    /// <summary>The roles each policy lets in (checked against the real policies by the test). ImportApi admits machine clients only.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> PolicyRoles = new Dictionary<string, string[]>
    {
        [Anonymous] = [.. Roles.All],
        [Policies.SignedIn] = [.. Roles.All],
        [Policies.Patrol] = [Roles.Officer, Roles.Supervisor],
        [Policies.Supervise] = [Roles.Supervisor],
        [Policies.Evaluate] = [Roles.Supervisor, Roles.Analyst, Roles.Manager, Roles.Evaluator],
        [Policies.Dashboard] = [Roles.Supervisor, Roles.Analyst, Roles.Manager],
        [Policies.DoseTargets] = [Roles.Manager, Roles.Admin],
        [Policies.Trials] = [Roles.Evaluator, Roles.Admin],
        [Policies.Analyse] = [Roles.Analyst],
        [Policies.Import] = [Roles.Analyst, Roles.Admin],
        [Policies.ImportApi] = [],
        [Policies.Admin] = [Roles.Admin],
        [Policies.Metrics] = [.. Roles.All],
        [Policies.People] = [Roles.Analyst],
        [Policies.Feed] = [],
    };
}
