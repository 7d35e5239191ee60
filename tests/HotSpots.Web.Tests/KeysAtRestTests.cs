using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HotSpots.Testing;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace HotSpots.Web.Tests;

/// <summary>
/// The data-protection keys in the database are encrypted with the configured certificate: a key written by one node is
/// not plain text, a second node with the same certificate (as PEM or .pfx) reads it, a node whose new certificate lists
/// the old one as previous reads it too, and a node without the certificate cannot.
/// </summary>
public sealed class KeysAtRestTests
{
    private const string Purpose = "keys-at-rest-test";

    [Fact]
    public async Task A_key_written_by_one_node_is_encrypted_and_read_by_a_node_with_the_same_certificate()
    {
        using var database = TestDatabase.Create("Postgres");
        using var files = new TempDirectory("hotspots-keys");
        var certificate = WriteCertificate(files, "current");
        var next = WriteCertificate(files, "next");

        string token;
        await using (var nodeA = Node(database, files, "a", certificate.Pem))
        {
            token = nodeA.Service<IDataProtectionProvider>().CreateProtector(Purpose).Protect("signed in on node A");
            nodeA.Errors.Entries.ShouldBeEmpty(nodeA.Errors.Summary());
        }

        var keys = await KeysAsync(database);
        keys.ShouldNotBeEmpty("node A wrote no key to the database");
        foreach (var xml in keys)
        {
            xml.ShouldContain("EncryptedData", Case.Sensitive, "a key was stored without encryption");
            xml.ShouldNotContain("<masterKey", Case.Sensitive, "a key's secret is stored as plain XML");
        }

        await using (var nodeB = Node(database, files, "b", certificate.Pfx))
            nodeB.Service<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(token).ShouldBe("signed in on node A");

        // The certificate replaced: the old one, listed as previous, still opens the keys written under it.
        await using (var nodeC = Node(database, files, "c", next.Pem, ("DataProtection:PreviousCertificates:0:Path", certificate.Pfx["DataProtection:Certificate:Path"]!),
                         ("DataProtection:PreviousCertificates:0:Password", certificate.Pfx["DataProtection:Certificate:Password"]!)))
            nodeC.Service<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(token).ShouldBe("signed in on node A");

        await using (var withoutCertificate = Node(database, files, "d", new Dictionary<string, string?>()))
            Should.Throw<CryptographicException>(() => withoutCertificate.Service<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(token));
    }

    [Fact]
    public void A_certificate_without_its_private_key_is_refused_at_start_with_the_setting_named()
    {
        using var database = TestDatabase.Create("Sqlite");
        using var files = new TempDirectory("hotspots-keys");
        var certificate = WriteCertificate(files, "public-only");
        var settings = new Dictionary<string, string?>(certificate.Pem);
        settings.Remove("DataProtection:Certificate:KeyPath");
        using var app = new HotSpotsApp(database, Settings(settings, ("Demo:Enabled", "false")));
        var error = Should.Throw<InvalidOperationException>(() => app.Services);
        error.Message.ShouldContain("DataProtection:Certificate:Path");
        error.Message.ShouldContain("PKCS#12");
    }

    private static HotSpotsApp Node(TestDatabase database, TempDirectory files, string name, IDictionary<string, string?> certificate, params (string Key, string Value)[] more)
    {
        var settings = Settings(certificate, [("Demo:Enabled", "false"), ("HOTSPOTS_DATA_DIR", Directory.CreateDirectory(files.File($"node-{name}")).FullName), .. more]);
        var app = new HotSpotsApp(database, settings);
        _ = app.Services; // starts it
        return app;
    }

    private static Dictionary<string, string?> Settings(IDictionary<string, string?> settings, params (string Key, string Value)[] more)
    {
        var all = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in more) all[key] = value;
        return all;
    }

    private static async Task<List<string>> KeysAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Xml\" FROM platform_data_protection_keys", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        return keys;
    }

    /// <summary>A self-signed RSA certificate as an operator makes one, written as PEM (certificate and key) and as a .pfx.</summary>
    private static (Dictionary<string, string?> Pem, Dictionary<string, string?> Pfx) WriteCertificate(TempDirectory files, string name)
    {
        using var key = RSA.Create(3072);
        var request = new CertificateRequest($"CN=HotSpots data protection {name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        var pem = files.File($"{name}.pem");
        var keyPem = files.File($"{name}-key.pem");
        var pfx = files.File($"{name}.pfx");
        File.WriteAllText(pem, certificate.ExportCertificatePem());
        File.WriteAllText(keyPem, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pkcs12, "change-me"));
        return (new() { ["DataProtection:Certificate:Path"] = pem, ["DataProtection:Certificate:KeyPath"] = keyPem },
                new() { ["DataProtection:Certificate:Path"] = pfx, ["DataProtection:Certificate:Password"] = "change-me" });
    }
}
