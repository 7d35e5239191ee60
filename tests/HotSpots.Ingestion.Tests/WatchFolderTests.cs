using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Jobs;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using HotSpots.Platform.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Ingestion.Tests;

/// <summary>
/// The watched folder reads only inside the import root (by default incoming/ in the shared directory): never a folder
/// outside it, reached through '..' or a link, nor a file that is a link out of it; refusals are audited (docs/security.md).
/// </summary>
public sealed class WatchFolderTests : IAsyncLifetime
{
    private IngestionHost _host = null!;

    public async Task InitializeAsync() => _host = await IngestionHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>The default root: incoming/ in the shared directory (the data directory on one server).</summary>
    private string Root => Path.Combine(_host.Folder, "incoming");

    private string Folder(string relative) => Directory.CreateDirectory(Path.Combine(Root, relative)).FullName;

    /// <summary>A file somewhere the app can read but no import may: what an attacker would point the watched folder at.</summary>
    private async Task<string> SecretAsync()
    {
        var outside = Directory.CreateDirectory(_host.File("elsewhere")).FullName;
        var secret = Path.Combine(outside, "app-secrets.csv");
        await File.WriteAllTextAsync(secret, "db_password=hunter2\n");
        File.SetLastWriteTimeUtc(secret, DateTime.UtcNow.AddMinutes(-1));
        return secret;
    }

    private async Task RunJobAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WatchFolderJob>().RunAsync(CancellationToken.None);
    }

    private Task SetAsync(string? folder) => _host.Admin(async m => { await m.SetWatchFolderAsync(folder, "admin@force", CancellationToken.None); return 0; });

    private async Task<string?> WatchedAsync() => (await _host.Admin(m => m.GetSettingsAsync(CancellationToken.None))).WatchFolder;

    private async Task<IReadOnlyList<AuditRecordView>> RefusalsAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAuditLog>().SearchAsync(new AuditQuery(Action: "watch-folder.refused"), CancellationToken.None);
    }

    [Fact]
    public async Task Settled_files_in_the_watched_folder_are_imported_and_moved_aside()
    {
        var folder = Folder("drop");
        await SetAsync(folder);
        var settled = Path.Combine(folder, "2024-03-thames-valley-street.csv");
        await File.WriteAllLinesAsync(settled, [PoliceUk.Header, .. PoliceUk.Month("2024-03", 30, 3)]);
        File.SetLastWriteTimeUtc(settled, DateTime.UtcNow.AddMinutes(-1));
        var broken = Path.Combine(folder, "other.csv");
        await File.WriteAllLinesAsync(broken, ["what,is,this"]);
        File.SetLastWriteTimeUtc(broken, DateTime.UtcNow.AddMinutes(-1));
        var stillCopying = Path.Combine(folder, "2024-04-thames-valley-street.csv");
        await File.WriteAllLinesAsync(stillCopying, [PoliceUk.Header, .. PoliceUk.Month("2024-04", 30, 4)]);

        await RunJobAsync();

        (await _host.CountAsync()).ShouldBe(30);
        File.Exists(stillCopying).ShouldBeTrue();
        Directory.GetFiles(Path.Combine(folder, "imported")).ShouldHaveSingleItem().ShouldEndWith("-2024-03-thames-valley-street.csv");
        Directory.GetFiles(Path.Combine(folder, "failed")).ShouldHaveSingleItem().ShouldEndWith("-other.csv");
        (await _host.Imports(m => m.ListImportsAsync(10, CancellationToken.None))).Select(i => i.RequestedBy).ShouldAllBe(r => r == "watched folder");
    }

    [Fact]
    public async Task A_folder_outside_the_import_root_is_refused_with_the_root_named_and_audited()
    {
        var secret = await SecretAsync();
        var outside = Path.GetDirectoryName(secret)!;

        var refused = await Should.ThrowAsync<ValidationException>(() => SetAsync(outside));

        refused.Message.ShouldContain(Root);
        refused.Message.ShouldContain("Ingestion:WatchFolderRoot");
        (await WatchedAsync()).ShouldBeNull();
        var audit = (await RefusalsAsync()).ShouldHaveSingleItem();
        (audit.Actor, audit.Subject).ShouldBe(("admin@force", outside));
        await RunJobAsync();
        File.Exists(secret).ShouldBeTrue();
        Directory.Exists(Path.Combine(outside, "failed")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("a/../b")]
    [InlineData("../elsewhere")]
    [InlineData("a/..")]
    public async Task A_folder_given_with_dot_dot_is_refused_even_when_it_ends_inside_the_root(string relative)
    {
        Folder("a");
        Folder("b");
        await SecretAsync();

        var refused = await Should.ThrowAsync<ValidationException>(() => SetAsync(Root + "/" + relative));

        refused.Message.ShouldContain("'..'");
        (await WatchedAsync()).ShouldBeNull();
        (await RefusalsAsync()).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_folder_reached_through_a_link_is_refused_whether_the_link_leads_out_of_the_root_or_not()
    {
        var outside = Path.GetDirectoryName(await SecretAsync())!;
        Directory.CreateDirectory(Root);
        var outward = Path.Combine(Root, "outward");
        Directory.CreateSymbolicLink(outward, outside);
        var inward = Path.Combine(Root, "inward");
        Directory.CreateSymbolicLink(inward, Folder("real"));

        (await Should.ThrowAsync<ValidationException>(() => SetAsync(outward))).Message.ShouldContain("link");
        (await Should.ThrowAsync<ValidationException>(() => SetAsync("inward"))).Message.ShouldContain("link");
        (await Should.ThrowAsync<ValidationException>(() => SetAsync(Path.Combine(outward, "sub")))).Message.ShouldContain("link");

        (await WatchedAsync()).ShouldBeNull();
        (await RefusalsAsync()).Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_folder_inside_the_root_is_taken_by_its_path_or_relative_to_the_root()
    {
        var folder = Folder("thames-valley");
        await SetAsync("thames-valley");
        (await WatchedAsync()).ShouldBe(folder);
        await SetAsync(folder);
        (await WatchedAsync()).ShouldBe(folder);
        await SetAsync(null);
        (await WatchedAsync()).ShouldBeNull();
        (await RefusalsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_link_in_the_watched_folder_to_a_file_outside_is_neither_read_nor_moved_and_is_audited_and_the_good_file_is_imported()
    {
        var secret = await SecretAsync();
        var folder = Folder("drop");
        await SetAsync(folder);
        var link = Path.Combine(folder, "app-secrets.csv");
        File.CreateSymbolicLink(link, secret);
        var good = Path.Combine(folder, "2024-03-thames-valley-street.csv");
        await File.WriteAllLinesAsync(good, [PoliceUk.Header, .. PoliceUk.Month("2024-03", 20, 3)]);
        File.SetLastWriteTimeUtc(good, DateTime.UtcNow.AddMinutes(-1));

        await RunJobAsync();

        (await File.ReadAllTextAsync(secret)).ShouldBe("db_password=hunter2\n");
        (await _host.CountAsync()).ShouldBe(20);
        var imports = await _host.Imports(m => m.ListImportsAsync(10, CancellationToken.None));
        imports.ShouldHaveSingleItem().Name.ShouldBe("2024-03-thames-valley-street.csv");
        var refusal = (await RefusalsAsync()).ShouldHaveSingleItem();
        refusal.Actor.ShouldBe("system");
        refusal.Subject.ShouldBe(link);
        refusal.Details.ShouldNotBeNull().ShouldNotContain("hunter2");
        // The link itself is set aside in failed/ (so it is refused once, not every minute); what it points at stays where it is.
        var aside = Directory.GetFileSystemEntries(Path.Combine(folder, "failed")).ShouldHaveSingleItem();
        new FileInfo(aside).LinkTarget.ShouldBe(secret);
        Path.GetDirectoryName(Path.GetFullPath(aside)).ShouldBe(Path.Combine(folder, "failed"));

        await RunJobAsync();
        (await RefusalsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_folder_that_is_a_link_out_of_the_root_is_not_moved_into()
    {
        var outside = Path.GetDirectoryName(await SecretAsync())!;
        var folder = Folder("drop");
        await SetAsync(folder);
        Directory.CreateSymbolicLink(Path.Combine(folder, "failed"), outside);
        var broken = Path.Combine(folder, "other.csv");
        await File.WriteAllLinesAsync(broken, ["what,is,this"]);
        File.SetLastWriteTimeUtc(broken, DateTime.UtcNow.AddMinutes(-1));

        await RunJobAsync();

        Directory.GetFiles(outside).ShouldHaveSingleItem().ShouldEndWith("app-secrets.csv");
        File.Exists(broken).ShouldBeTrue();
        (await RefusalsAsync()).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_watched_folder_saved_outside_the_root_before_there_was_one_is_not_read()
    {
        var secret = await SecretAsync();
        var outside = Path.GetDirectoryName(secret)!;
        // As an older version let an analyst save it: straight into the settings.
        await using (var scope = _host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ISettingsStore>().SetAsync<string?>("Ingestion:WatchFolder", outside, "analyst", CancellationToken.None);

        await RunJobAsync();

        File.Exists(secret).ShouldBeTrue();
        Directory.Exists(Path.Combine(outside, "failed")).ShouldBeFalse();
        (await _host.Imports(m => m.ListImportsAsync(10, CancellationToken.None))).ShouldBeEmpty();
    }
}
