using Microsoft.EntityFrameworkCore;

namespace HotSpots.Platform.Data;

/// <summary>Options for dotnet-ef at design time, one per provider; the connection is never opened.</summary>
public static class DesignTime
{
    public static DbContextOptions<T> Sqlite<T>(string module) where T : DbContext =>
        (DbContextOptions<T>)new DbContextOptionsBuilder<T>().UseModuleSqlite("Data Source=design-time.db", module).Options;

    public static DbContextOptions<T> Postgres<T>(string module) where T : DbContext =>
        (DbContextOptions<T>)new DbContextOptionsBuilder<T>().UseModulePostgres("Host=127.0.0.1;Database=design_time", module).Options;
}
