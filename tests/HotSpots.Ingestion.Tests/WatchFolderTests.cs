using HotSpots.Modules.Ingestion.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Ingestion.Tests;

public sealed class WatchFolderTests
{
    [Fact]
    public async Task Settled_files_in_the_watched_folder_are_imported_and_moved_aside()
    {
        await using var host = await IngestionHost.StartAsync();
        var folder = Directory.CreateDirectory(host.File("drop")).FullName;
        await host.Admin(async m => { await m.SetWatchFolderAsync(folder, "admin", CancellationToken.None); return 0; });
        var settled = Path.Combine(folder, "2024-03-thames-valley-street.csv");
        await File.WriteAllLinesAsync(settled, [PoliceUk.Header, .. PoliceUk.Month("2024-03", 30, 3)]);
        File.SetLastWriteTimeUtc(settled, DateTime.UtcNow.AddMinutes(-1));
        var broken = Path.Combine(folder, "other.csv");
        await File.WriteAllLinesAsync(broken, ["what,is,this"]);
        File.SetLastWriteTimeUtc(broken, DateTime.UtcNow.AddMinutes(-1));
        var stillCopying = Path.Combine(folder, "2024-04-thames-valley-street.csv");
        await File.WriteAllLinesAsync(stillCopying, [PoliceUk.Header, .. PoliceUk.Month("2024-04", 30, 4)]);

        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<HotSpots.Modules.Ingestion.Jobs.WatchFolderJob>().RunAsync(CancellationToken.None);

        (await host.CountAsync()).ShouldBe(30);
        File.Exists(stillCopying).ShouldBeTrue();
        Directory.GetFiles(Path.Combine(folder, "imported")).ShouldHaveSingleItem().ShouldEndWith("-2024-03-thames-valley-street.csv");
        Directory.GetFiles(Path.Combine(folder, "failed")).ShouldHaveSingleItem().ShouldEndWith("-other.csv");
        (await host.Imports(m => m.ListImportsAsync(10, CancellationToken.None))).Select(i => i.RequestedBy).ShouldAllBe(r => r == "watched folder");
    }
}
