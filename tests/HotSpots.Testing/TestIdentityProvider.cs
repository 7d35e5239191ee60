using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace HotSpots.Testing;

/// <summary>A person as the test identity provider vouches for them: the groups and authentication methods ("amr") in their ID token.</summary>
/// <param name="Extra">More claims of the ID token, by name (a "name" here replaces the email the name claim has otherwise).</param>
public sealed record ProviderPerson(string Subject, string Email, IReadOnlyList<string> Groups, IReadOnlyList<string> Amr, IReadOnlyDictionary<string, string>? Extra = null);

/// <summary>
/// A real OpenID Connect provider for tests, a force's identity provider in miniature: OpenIddict's server on Kestrel at
/// 127.0.0.1 on a free port, plain http, with discovery, keys (ephemeral), an authorization endpoint and a token
/// endpoint, authorization code flow with PKCE for one confidential client. There is no login form: the authorization
/// endpoint signs in <see cref="NextPerson"/>, with the "groups" and "amr" claims the test chose.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "hotspots";
    public const string ClientSecret = "test-provider-client-secret";
    public const string GroupsClaim = "groups";

    private readonly WebApplication _app;
    private readonly SqliteConnection _store;

    private TestIdentityProvider(WebApplication app, SqliteConnection store)
    {
        _app = app;
        _store = store;
    }

    /// <summary>The issuer, e.g. http://127.0.0.1:40123/.</summary>
    public Uri Address => new(_app.Urls.Single().TrimEnd('/') + "/");

    /// <summary>Whom the next authorization request signs in.</summary>
    public ProviderPerson NextPerson { get; set; } = new("nobody", "nobody@test.hotspots", [], []);

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // OpenIddict keeps its client and codes in a database: an in-memory SQLite one, open as long as the provider runs.
        var store = new SqliteConnection("Data Source=:memory:");
        await store.OpenAsync();
        builder.Services.AddDbContext<ProviderStore>(o => o.UseSqlite(store).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderStore>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.Email, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                // Tokens as a force's provider issues them: signed JWTs that the client reads, not encrypted ones.
                o.DisableAccessTokenEncryption();
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });
        var app = builder.Build();
        var provider = new TestIdentityProvider(app, store);
        app.MapGet("/connect/authorize", provider.Authorize);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ProviderStore>().Database.EnsureCreatedAsync();
        await app.StartAsync();
        return provider;
    }

    /// <summary>Registers HotSpots as the provider's client, with the address the provider may send people back to.</summary>
    public async Task RegisterClientAsync(Uri redirectUri)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            RedirectUris = { redirectUri },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    private IResult Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var person = NextPerson;
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, person.Subject)
            .SetClaim(Claims.Email, person.Email)
            .SetClaim(Claims.PreferredUsername, person.Email)
            .SetClaim(Claims.Name, person.Email);
        identity.SetClaims(GroupsClaim, [.. person.Groups]);
        identity.SetClaims(Claims.AuthenticationMethodReference, [.. person.Amr]);
        foreach (var (type, value) in person.Extra ?? new Dictionary<string, string>()) identity.SetClaim(type, value);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }

    private sealed class ProviderStore(DbContextOptions<ProviderStore> options) : DbContext(options);
}
