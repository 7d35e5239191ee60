using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace HotSpots.Web.Security;

/// <summary>
/// The data-protection keys (they protect sign-in cookies and antiforgery tokens, and are kept in the database) encrypted
/// at rest with an RSA certificate from the settings, by ASP.NET Core's own certificate encryptor:
/// <c>DataProtection:Certificate:Path</c> — a PEM certificate with <c>KeyPath</c> (its private key, <c>Password</c> if that
/// is encrypted), or a PKCS#12 file with <c>Password</c>. Every node needs the same certificate. Keys written under an
/// earlier certificate stay readable while it is listed under <c>DataProtection:PreviousCertificates:0:Path</c> … (same
/// fields). Without a certificate the keys are stored as plain XML, and the app says so at start outside Development.
/// </summary>
internal static class KeysAtRest
{
    public const string Section = "DataProtection";

    /// <summary>Encrypts new keys with the configured certificate; returns false when none is configured.</summary>
    public static bool ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        var current = Load(configuration.GetSection($"{Section}:Certificate"));
        if (current is null) return false;
        var previous = configuration.GetSection($"{Section}:PreviousCertificates").GetChildren()
            .Select(Load).OfType<X509Certificate2>().ToArray();
        builder.ProtectKeysWithCertificate(current);
        if (previous.Length > 0) builder.UnprotectKeysWithAnyCertificate([current, .. previous]);
        return true;
    }

    private static X509Certificate2? Load(IConfigurationSection section)
    {
        var path = section["Path"];
        if (string.IsNullOrWhiteSpace(path)) return null;
        var name = $"{section.Path}:Path";
        if (!File.Exists(path)) throw new InvalidOperationException($"{name}: the certificate file {path} does not exist (or this user may not read it).");
        var keyPath = NullIfEmpty(section["KeyPath"]);
        var password = NullIfEmpty(section["Password"]);
        X509Certificate2 certificate;
        try
        {
            certificate = keyPath is not null
                ? password is null ? X509Certificate2.CreateFromPemFile(path, keyPath) : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath)
                : X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(keyPath is null
                ? $"{name}: {path} could not be read as a PKCS#12 (.pfx) file with the password given in {section.Path}:Password ({e.Message}). " +
                  $"For a PEM certificate, give its private key in {section.Path}:KeyPath."
                : $"{name}: {path} with the key {keyPath} could not be read as a PEM certificate and private key ({e.Message}).", e);
        }
        if (certificate.GetRSAPublicKey() is null)
            throw new InvalidOperationException($"{name}: the certificate in {path} has no RSA key; data-protection keys are encrypted with RSA.");
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"{name}: {path} holds no private key: keys could be encrypted with it but never read again. " +
                                                $"Give the private key ({section.Path}:KeyPath for PEM, or a .pfx that holds it).");
        return certificate;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>Says at start, outside Development, that the data-protection keys are stored unencrypted and how to change it.</summary>
internal sealed class UnprotectedKeysWarning(ILogger<UnprotectedKeysWarning> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        log.LogWarning(
            "The data-protection keys (they protect sign-in cookies) are stored unencrypted in the database: anyone who reads the database " +
            "or a backup of it could forge a sign-in. Set {Setting} to an RSA certificate that every node has (docs/operations.md, \"Keys at rest\").",
            $"{KeysAtRest.Section}__Certificate__Path");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
