using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Tasking.Data;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Tasking.Direct;

internal sealed class DirectionPositions(TaskingDbContext db) : IDirectionPositions
{
    public Task<int> ForgetBeforeAsync(DateTime cutoffUtc, CancellationToken cancellationToken) =>
        db.Directions.Where(d => d.CreatedUtc < cutoffUtc && (d.FromLatitude != null || d.FromLongitude != null))
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.FromLatitude, (double?)null).SetProperty(d => d.FromLongitude, (double?)null), cancellationToken);
}
