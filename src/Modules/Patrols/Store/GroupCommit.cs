using System.Threading.Channels;
using HotSpots.Modules.Patrols.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotSpots.Modules.Patrols.Store;

/// <summary>What a write did, and what to do once it is committed (in commit order, before the caller is answered).</summary>
internal sealed record Written<T>(T Result, Action? AfterCommit = null);

/// <summary>
/// Group commit for SQLite's one writer: ping batches that arrive while a transaction is being written wait here and
/// are then written together, each in its own savepoint, and committed once. A batch that fails is rolled back to its
/// savepoint alone; every batch is answered only after the commit that holds it. One commit per group instead of one
/// per batch writes each shared page of the tables and indexes once, and checkpoints the log less often. Registered, and
/// its writer started, on SQLite only (<see cref="TrackWriter"/>).
/// </summary>
internal sealed class GroupCommit : IAsyncDisposable
{
    /// <summary>Batches written in one transaction at most: enough to share pages, few enough to answer promptly.</summary>
    internal const int MaxGroup = 32;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly IServiceScopeFactory _scopes;
    private readonly WriteGate _gate;
    private readonly ILogger<GroupCommit> _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _writer;

    public GroupCommit(IServiceScopeFactory scopes, WriteGate gate, ILogger<GroupCommit> log)
    {
        _scopes = scopes;
        _gate = gate;
        _log = log;
        _writer = Task.Run(WriteAllAsync);
    }

    /// <summary>Batches queued and not yet taken into a group.</summary>
    internal int Waiting => _queue.Reader.Count;

    public Task<T> WriteAsync<T>(Func<TrackWrite, CancellationToken, Task<Written<T>>> work, CancellationToken cancellationToken)
    {
        var pending = new Pending<T>(work, cancellationToken);
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(GroupCommit));
        return pending.Answer;
    }

    private async Task WriteAllAsync()
    {
        var group = new List<Pending>(MaxGroup);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stop.Token))
            {
                group.Clear();
                while (group.Count < MaxGroup && _queue.Reader.TryRead(out var pending))
                    if (!pending.CancelIfAsked()) group.Add(pending);
                if (group.Count > 0) await WriteGroupAsync(group);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        while (_queue.Reader.TryRead(out var left)) left.Fail(new ObjectDisposedException(nameof(GroupCommit)));
    }

    private async Task WriteGroupAsync(List<Pending> group)
    {
        var written = new List<Pending>(group.Count);
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PatrolsDbContext>();
            await using var write = await SqliteTrackWrite.BeginAsync(db, _gate, _stop.Token);
            foreach (var pending in group)
            {
                await write.SavepointAsync(_stop.Token);
                try
                {
                    await pending.RunAsync(write);
                    await write.ReleaseSavepointAsync(_stop.Token);
                    written.Add(pending);
                }
                catch (Exception error)
                {
                    await write.RollbackToSavepointAsync(_stop.Token);
                    await write.ReleaseSavepointAsync(_stop.Token);
                    pending.Fail(error);
                }
            }
            if (written.Count > 0) await write.CommitAsync(_stop.Token);
        }
        catch (Exception error)
        {
            if (error is not OperationCanceledException) _log.LogError(error, "A group of {Batches} ping batches was not committed", group.Count);
            foreach (var pending in group) pending.Fail(error);
            return;
        }
        foreach (var pending in written) pending.Commit();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            await _writer;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private abstract class Pending
    {
        public abstract bool CancelIfAsked();
        public abstract Task RunAsync(TrackWrite write);
        public abstract void Commit();
        public abstract void Fail(Exception error);
    }

    private sealed class Pending<T>(Func<TrackWrite, CancellationToken, Task<Written<T>>> work, CancellationToken cancellationToken) : Pending
    {
        private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Written<T>? _written;

        public Task<T> Answer => _answer.Task;

        public override bool CancelIfAsked() => cancellationToken.IsCancellationRequested && _answer.TrySetCanceled(cancellationToken);

        public override async Task RunAsync(TrackWrite write) => _written = await work(write, cancellationToken);

        public override void Commit()
        {
            try
            {
                _written!.AfterCommit?.Invoke();
            }
            finally
            {
                _answer.TrySetResult(_written!.Result);
            }
        }

        public override void Fail(Exception error)
        {
            if (error is OperationCanceledException && cancellationToken.IsCancellationRequested) _answer.TrySetCanceled(cancellationToken);
            else _answer.TrySetException(error);
        }
    }
}
