using HotSpots.Modules.Ingestion.Reading;
using Microsoft.Extensions.Configuration;

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>
/// Limits on the work one file may cause: <see cref="NoProgressBytes"/> of content (after decompression) read without a
/// record, and the file is given up (setting Ingestion:NoProgressMegabytes, default 16 MB).
/// </summary>
internal sealed record ImportLimits(long NoProgressBytes)
{
    public static ImportLimits From(IConfiguration configuration)
    {
        var megabytes = configuration.GetValue(NoProgressGuard.SettingKey, NoProgressGuard.DefaultMegabytes);
        if (megabytes < 1)
            throw new InvalidOperationException($"Setting {NoProgressGuard.SettingKey} is {megabytes}; it must be a whole number of MB, at least 1.");
        return new ImportLimits((long)megabytes << 20);
    }
}
