using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HotSpots.Platform.Data;

/// <summary>Instants are stored as UTC DateTime on both providers; values read back are marked UTC.</summary>
public static class UtcDateTimeConvention
{
    /// <summary>Call from ConfigureConventions: every DateTime property is a UTC instant.</summary>
    public static void UseUtcDateTimes(this ModelConfigurationBuilder builder) =>
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
