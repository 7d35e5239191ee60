using HotSpots.Platform.Revisions;

namespace HotSpots.Modules.Tasking.Board;

/// <summary>The kinds of data this module raises a revision of (<see cref="Revision"/>), each in the transaction of its write.</summary>
internal static class TaskingRevisions
{
    /// <summary>
    /// Raised when a trial is sealed: the board reads only sealed trials, and a sealed trial never changes (drafts are
    /// generated again or deleted, never offered).
    /// </summary>
    public const string Trials = "tasking.trials";

    /// <summary>Raised when a supervisor assigns a spot to a team or removes an assignment.</summary>
    public const string Assignments = "tasking.assignments";

    /// <summary>Raised by the settings store when a manager changes the dose targets.</summary>
    public static readonly string DoseTargets = Revision.OfSetting(TaskingBoard.DoseTargetKey);
}
