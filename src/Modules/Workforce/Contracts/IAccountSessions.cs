namespace HotSpots.Modules.Workforce.Contracts;

/// <summary>
/// What decides whether a signed-in session is still live, for the web host's per-request check: each account's
/// security stamp and the sessions recorded as ended. Every write that may end a session (an account added or removed,
/// its stamp changed, a role added or taken away, a session ended) raises <see cref="Revision"/> in its transaction,
/// so a copy kept under that revision is never older than the last such write on any node.
/// </summary>
public interface IAccountSessions
{
    /// <summary>The revision kind raised with every write that may end a session.</summary>
    const string Revision = "accounts.sessions";

    /// <summary>Every account's security stamp (by account id) and every session id recorded as ended.</summary>
    Task<AccountSessionState> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="sessionId"/> of the account as ended at <paramref name="endedUtc"/> (once; a second call
    /// adds nothing), and forgets sessions recorded as ended before <paramref name="forgetBeforeUtc"/>.
    /// </summary>
    Task EndAsync(string userId, string sessionId, DateTime endedUtc, DateTime forgetBeforeUtc, CancellationToken cancellationToken);

    /// <summary>Notes the account's newest sign-in (the users pages show it). Never touches the account's row, so it ends no session.</summary>
    Task NoteSignInAsync(string userId, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <param name="Stamps">Account id → its security stamp ("" when it has none).</param>
/// <param name="Ended">The ids of the sessions recorded as ended.</param>
public sealed record AccountSessionState(IReadOnlyDictionary<string, string> Stamps, IReadOnlySet<string> Ended);
