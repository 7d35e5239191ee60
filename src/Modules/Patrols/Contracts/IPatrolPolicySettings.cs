namespace HotSpots.Modules.Patrols.Contracts;

/// <summary>
/// The patrol privacy policy (how long a patrol may run, how long raw positions are kept): read to tell officers what
/// is kept, changed by administrators, each change written to the audit log. For the web host only; no module may use it.
/// </summary>
public interface IPatrolPolicySettings
{
    /// <summary>The privacy settings in force (run-time settings), as officers are told them.</summary>
    Task<PatrolPolicy> GetPolicyAsync(CancellationToken cancellationToken);

    /// <summary>Changes the privacy settings; the change is audited.</summary>
    Task SetPolicyAsync(PatrolPolicy policy, string changedBy, CancellationToken cancellationToken);
}
