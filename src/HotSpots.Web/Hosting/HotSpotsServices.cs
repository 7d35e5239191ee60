using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using HotSpots.Modules.Dashboard;
using HotSpots.Modules.Hotspots;
using HotSpots.Modules.Ingestion;
using HotSpots.Modules.Patrols;
using HotSpots.Modules.Tasking;
using HotSpots.Modules.Workforce;
using HotSpots.Platform;
using HotSpots.Platform.Data;
using HotSpots.Web.Accounts;
using HotSpots.Web.Demo;
using HotSpots.Web.Operations;
using HotSpots.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace HotSpots.Web.Hosting;

internal static class HotSpotsServices
{
    /// <summary>Everything the app needs, web server or command line. Modules are listed here, not scanned.</summary>
    public static void AddHotSpots(this WebApplicationBuilder builder, bool runJobServer)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        // Before anything is made: outside Development, demo mode only when asked with --allow-demo-in-production.
        var demo = DemoOptions.From(configuration);
        DemoGate.Check(demo, builder.Environment);
        var database = DatabaseSettings.From(configuration);
        Directory.CreateDirectory(database.DataDirectory);

        // Runs first: the database must be migrated before any other hosted service starts.
        services.AddHostedService<DatabaseStartup>();

        services.AddPlatform(configuration);
        services.AddIngestionModule(configuration);
        services.AddHotspotsModule(configuration);
        services.AddWorkforceModule(configuration);
        services.AddTaskingModule(configuration);
        services.AddPatrolsModule(configuration);
        services.AddDashboardModule(configuration);

        services.AddIdentity<IdentityUser, IdentityRole>(o =>
            {
                // Length and a deny list (Security/PasswordPolicy), not character classes.
                o.Password.RequiredLength = PasswordPolicy.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.Tokens.AuthenticatorTokenProvider = OnceOnlyAuthenticatorCodes.Name;
            })
            .AddDefaultTokenProviders()
            .AddTokenProvider<OnceOnlyAuthenticatorCodes>(OnceOnlyAuthenticatorCodes.Name)
            .AddPasswordValidator<PasswordPolicy>()
            // The accounts' store, rules and invitation links are the Workforce module's.
            .AddWorkforceAccounts(configuration);
        services.AddScoped<SignInManager<IdentityUser>, SignInRecorder>();
        services.AddMachineClients(configuration, builder.Environment, database, issueTokens: runJobServer, stores: o => o.UseWorkforceAccountStores());
        services.AddScoped<Roster.RosterImport>();
        services.AddSingleton(SecurityOptions.From(configuration));
        services.AddSingleton(demo);
        services.AddScoped<DemoWarning>();
        if (demo.Enabled)
        {
            // The demo seed and the Patrols module's past-patrol seam exist only in demo mode (docs/architecture.md).
            services.AddScoped<DemoSeeder>();
            services.AddScoped<DemoPatrols>();
            services.AddPatrolsDemoHistory();
        }

        var keys = services.AddDataProtection()
            .SetApplicationName("HotSpots")
            .PersistKeysToPlatformDatabase();
        if (!keys.ProtectKeysWithConfiguredCertificate(configuration) && !builder.Environment.IsDevelopment())
            services.AddHostedService<UnprotectedKeysWarning>();

        services.AddOperations(configuration);
        AddJobs(services, configuration, database, runJobServer);
    }

    private static void AddJobs(IServiceCollection services, IConfiguration configuration, DatabaseSettings database, bool runJobServer)
    {
        var timings = JobTimings.From(configuration);
        services.AddSingleton(timings);
        // The storage is this app's own instance, not Hangfire's process-wide JobStorage.Current, so that two
        // apps in one process (the tests) never share a queue.
        services.AddSingleton<JobStorage>(_ =>
        {
            if (database.Provider == DatabaseProvider.Sqlite)
                return new SQLiteStorage(Path.Combine(database.DataDirectory, "hangfire.db"), new SQLiteStorageOptions { QueuePollInterval = timings.Poll });
            var options = new PostgreSqlStorageOptions
            {
                QueuePollInterval = timings.Poll,
                SchemaName = HangfireSchema.Name,
                // Installed on start by the node that migrates (DatabaseStartup), not here.
                PrepareSchemaIfNecessary = false,
                // A job whose node died is handed to another within this time, not Hangfire's default 30 minutes.
                InvisibilityTimeout = timings.Invisibility,
                UseSlidingInvisibilityTimeout = true,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options, null), options);
        });
        services.AddHangfire((provider, config) => config
            .UseLogProvider(new HangfireLogs(provider.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (!runJobServer) return;
        services.AddHostedService<RecurringJobsStartup>();
        services.AddHostedService<DashboardWarmUp>();
        if (configuration.GetValue("Jobs:Server", true))
            services.AddHangfireServer((provider, o) =>
            {
                // This app's container activates its jobs, never Hangfire's process-wide JobActivator.Current.
                o.Activator = new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>());
                o.SchedulePollingInterval = timings.Poll;
                o.WorkerCount = Math.Max(2, Environment.ProcessorCount);
                o.HeartbeatInterval = timings.Heartbeat;
                o.ServerTimeout = timings.ServerTimeout;
                o.ServerCheckInterval = timings.Heartbeat;
            });
    }
}
