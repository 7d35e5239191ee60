using System.Security.Claims;
using System.Security.Cryptography;
using HotSpots.Platform;
using HotSpots.Platform.Data;
using Microsoft.AspNetCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace HotSpots.Web.Accounts;

/// <summary>
/// Machine clients (automated feeds, later the Power BI feed) sign in with OAuth2 client credentials at
/// /connect/token and call the API with the access token. OpenIddict keeps clients and tokens in the Accounts
/// database; its signing and encryption keys live in the data directory so that tokens survive a restart.
/// To accept another kind of client, add its scope to <see cref="Scopes"/> and a policy that requires it.
/// </summary>
internal static class MachineClients
{
    public const string TokenPath = "/connect/token";

    /// <summary>Lets a client import files through /api/v1/imports.</summary>
    public const string ImportScope = "imports";

    /// <summary>Lets a client (Power BI) read the OData feed at /odata, with HTTP Basic (its id and secret).</summary>
    public const string FeedScope = "feed";

    /// <summary>Every scope a client may be given (and ask for).</summary>
    public static readonly IReadOnlyList<string> Scopes = [ImportScope, FeedScope];

    /// <summary>
    /// The clients' store (<paramref name="stores"/>: the Workforce module's accounts tables), and with <paramref name="issueTokens"/> (the web app) the token endpoint and the validation of
    /// access tokens. The command line only registers clients: it neither reads nor creates the signing keys.
    /// </summary>
    public static void AddMachineClients(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, DatabaseSettings database, bool issueTokens,
        Action<OpenIddictCoreBuilder> stores)
    {
        var keys = Path.Combine(database.SharedDirectory, "keys");
        var openIddict = services.AddOpenIddict()
            .AddCore(stores);
        if (!issueTokens) return;
        openIddict
            .AddServer(o =>
            {
                o.SetTokenEndpointUris(TokenPath);
                // Several nodes behind a load balancer must name one issuer (the public address), or a token from one node
                // would not be valid on another when the nodes see different host names.
                if (configuration["Api:Issuer"] is { Length: > 0 } issuer) o.SetIssuer(new Uri(issuer, UriKind.Absolute));
                o.AllowClientCredentialsFlow();
                o.RegisterScopes([.. Scopes]);
                o.SetAccessTokenLifetime(TimeSpan.FromHours(1));
                o.AddSigningKey(new RsaSecurityKey(PersistedKey(Path.Combine(keys, "openiddict-signing.pem"))));
                o.AddEncryptionKey(new RsaSecurityKey(PersistedKey(Path.Combine(keys, "openiddict-encryption.pem"))));
                var aspNet = o.UseAspNetCore().EnableTokenEndpointPassthrough();
                // Plain http only in development and tests (or behind a proxy that ends TLS and says so): tokens are secrets.
                if (environment.IsDevelopment() || configuration.GetValue("Api:AllowHttp", false)) aspNet.DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
            });
    }

    /// <summary>Issues an access token to a client that OpenIddict has already authenticated, with the scopes it asked for and may have.</summary>
    public static void MapMachineClients(this WebApplication app) =>
        app.MapPost(TokenPath, async (HttpContext http, IOpenIddictApplicationManager applications) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            if (!request.IsClientCredentialsGrantType())
                return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            var application = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("Unknown client.");
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, await applications.GetClientIdAsync(application));
            identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application));
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }).AllowAnonymous().ExcludeFromDescription();

    /// <summary>
    /// Registers a confidential client allowed the given scopes and returns its secret, shown once (only its hash is kept).
    /// With <paramref name="newSecret"/>, gives an existing client a new secret instead.
    /// </summary>
    public static async Task<string> CreateAsync(IOpenIddictApplicationManager applications, string clientId, IReadOnlyList<string> scopes, bool newSecret, CancellationToken cancellationToken)
    {
        if (clientId.Length is 0 or > 64 || !clientId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw new ValidationException("A client name is 1 to 64 letters, digits, '-', '_' or '.'.");
        var unknown = scopes.Except(Scopes).ToList();
        if (scopes.Count == 0 || unknown.Count > 0)
            throw new ValidationException($"Give the client one or more of these scopes: {string.Join(", ", Scopes)}{(unknown.Count > 0 ? $" (not {string.Join(", ", unknown)})" : "")}.");
        var secret = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = clientId,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in scopes) descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        var existing = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (existing is null) await applications.CreateAsync(descriptor, cancellationToken);
        else if (newSecret) await applications.UpdateAsync(existing, descriptor, cancellationToken);
        else throw new ValidationException($"A client named {clientId} exists already; add --new-secret to give it a new secret.");
        return secret;
    }

    /// <summary>An RSA key kept as a PEM file readable only by the app's user, created on first use.</summary>
    private static RSA PersistedKey(string file)
    {
        var rsa = RSA.Create(2048);
        if (File.Exists(file))
        {
            rsa.ImportFromPem(File.ReadAllText(file));
            return rsa;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = $"{file}.{Guid.NewGuid():N}.new";
        File.WriteAllText(temporary, rsa.ExportRSAPrivateKeyPem());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try { File.Move(temporary, file); }
        catch (IOException)
        {
            // Another process created it first: use that one, so every node signs with the same key.
            File.Delete(temporary);
            rsa.ImportFromPem(File.ReadAllText(file));
        }
        return rsa;
    }
}
