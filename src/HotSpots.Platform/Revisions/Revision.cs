using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace HotSpots.Platform.Revisions;

/// <summary>
/// Raises the revision of a kind of data: one number per kind in <c>platform_revisions</c>, added to in the same
/// transaction as the write that changes the data, so that whoever sees the write sees the new number and whoever sees
/// the number sees the write. A copy held in memory (<see cref="RevisionedCache{TKey,T}"/>) is current while the numbers
/// of the kinds it was built from are the ones it was stamped with. Each kind names what it covers where it is defined
/// (the module that owns the data); settings have a kind each (<see cref="OfSetting"/>), raised by the settings store.
/// </summary>
public static class Revision
{
    private const string RaiseSql =
        "INSERT INTO platform_revisions (\"Kind\", \"Number\") VALUES (@kind, 1) " +
        "ON CONFLICT (\"Kind\") DO UPDATE SET \"Number\" = platform_revisions.\"Number\" + 1";

    /// <summary>The kind raised whenever the run-time setting <paramref name="key"/> changes (ISettingsStore).</summary>
    public static string OfSetting(string key) => "setting:" + key;

    /// <summary>Raises <paramref name="kind"/> inside the transaction the context has open (the write's own).</summary>
    public static async Task RaiseAsync(this DatabaseFacade database, string kind, CancellationToken cancellationToken)
    {
        var transaction = database.CurrentTransaction
            ?? throw new InvalidOperationException($"Revision '{kind}' must be raised inside the transaction of the write it counts.");
        await RaiseAsync(database.GetDbConnection(), transaction.GetDbTransaction(), kind, cancellationToken);
    }

    /// <summary>Raises <paramref name="kind"/> inside <paramref name="transaction"/> (a writer on plain ADO.NET).</summary>
    public static async Task RaiseAsync(DbConnection connection, DbTransaction transaction, string kind, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = RaiseSql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@kind";
        parameter.Value = kind;
        command.Parameters.Add(parameter);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Saves the context's changes and raises <paramref name="kind"/> in one transaction: the context's open one, or a
    /// new one committed here.
    /// </summary>
    public static async Task<int> SaveChangesAndRaiseAsync(this DbContext db, string kind, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            var saved = await db.SaveChangesAsync(cancellationToken);
            await db.Database.RaiseAsync(kind, cancellationToken);
            return saved;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var written = await db.SaveChangesAsync(cancellationToken);
        await db.Database.RaiseAsync(kind, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }
}
