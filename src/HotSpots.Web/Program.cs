using HotSpots.Web.Cli;
using HotSpots.Web.Hosting;

if (CommandLine.IsCommand(args))
    return await CommandLine.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddHotSpots(runJobServer: true);
builder.AddHotSpotsWeb();

var app = builder.Build();
app.UseHotSpotsWeb();
app.Lifetime.ApplicationStarted.Register(() => StartBanner.Print(app));
await app.RunAsync();
return 0;
