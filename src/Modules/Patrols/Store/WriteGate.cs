namespace HotSpots.Modules.Patrols.Store;

/// <summary>
/// SQLite allows one writer at a time, and a writer that finds the file locked sleeps in growing steps. Queueing this
/// module's write transactions in the process instead keeps each ping batch's wait short and fair. Registered on SQLite
/// only (<see cref="TrackWriter"/>): PostgreSQL locks rows.
/// </summary>
internal sealed class WriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    private int _waiting;

    /// <summary>Writers waiting to enter.</summary>
    internal int Waiting => Volatile.Read(ref _waiting);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _gate.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) gate.Release();
        }
    }
}
