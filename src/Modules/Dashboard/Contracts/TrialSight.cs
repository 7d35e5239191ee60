namespace HotSpots.Modules.Dashboard.Contracts;

/// <summary>
/// What a viewer may see of a sealed trial that is not over yet (docs/security.md, "What each role sees"). The web host
/// gives one from the viewer's roles on every read that can name a hot spot, so that no page can forget it. Once a trial's
/// last police day is over, everyone who may open a page sees its arms there spot by spot.
/// </summary>
public enum TrialSight
{
    /// <summary>Each spot's arm on each day, and the control spots by name: the roles that evaluate.</summary>
    BySpot,

    /// <summary>
    /// The arms only in totals (the whole arm, or per day, team or shift), never a spot's arm: no list of one arm's spots,
    /// no figures per trial spot, no trial codes. Spots of the published set are named as the set, without arms.
    /// </summary>
    Totals,

    /// <summary>
    /// <see cref="Totals"/>, and while a trial covers today, of hot spots only those tasking offers today (its treatment
    /// spots): for the roles that task and patrol, beside whom any fuller list would give today's control spots away.
    /// </summary>
    TreatedToday,
}
