using Microsoft.AspNetCore.Identity;

namespace HotSpots.Web.Accounts;

internal static class UserAdministrationSetup
{
    /// <summary>
    /// The users pages' and the command line's account work (<see cref="UserAdministration"/>), invitation links through
    /// their own token provider (also Identity's password-reset provider), and the sign-in manager that notes each sign-in.
    /// After AddIdentity.
    /// </summary>
    public static IServiceCollection AddUserAdministration(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = InvitationSettings.From(configuration);
        services.AddSingleton(settings);
        services.Configure<InvitationTokenProviderOptions>(o => o.TokenLifespan = settings.Lifespan);
        services.AddTransient<InvitationTokenProvider>();
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.ProviderMap[InvitationTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(InvitationTokenProvider));
            o.Tokens.PasswordResetTokenProvider = InvitationTokenProvider.ProviderName;
        });
        services.AddScoped<SignInManager<IdentityUser>, SignInRecorder>();
        services.AddScoped<AccountNotes>();
        services.AddScoped<OfficerRecords>();
        services.AddScoped<UserAdministration>();
        return services;
    }
}
