using HotSpots.Platform.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace HotSpots.Modules.Ingestion.Data;

internal sealed class IngestionSqliteDesignFactory : IDesignTimeDbContextFactory<IngestionSqliteContext>
{
    public IngestionSqliteContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<IngestionSqliteContext>(IngestionModule.Name));
}

internal sealed class IngestionPostgresDesignFactory : IDesignTimeDbContextFactory<IngestionPostgresContext>
{
    public IngestionPostgresContext CreateDbContext(string[] args) => new(DesignTime.Postgres<IngestionPostgresContext>(IngestionModule.Name));
}
