using Microsoft.AspNetCore.DataProtection;

namespace HotSpots.Platform.Data;

public static class SharedKeys
{
    /// <summary>
    /// Keeps the data-protection keys (sign-in cookies, antiforgery) in the database, so that every web node reads
    /// the same keys and a restored backup still opens the cookies it issued.
    /// </summary>
    public static IDataProtectionBuilder PersistKeysToPlatformDatabase(this IDataProtectionBuilder builder) =>
        builder.PersistKeysToDbContext<PlatformDbContext>();
}
