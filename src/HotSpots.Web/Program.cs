using HotSpots.Web.Cli;
using HotSpots.Web.Demo;
using HotSpots.Web.Hosting;

if (CommandLine.IsCommand(args))
    return await CommandLine.RunAsync(args);

args = DemoGate.TakeFlag(args, out var allowDemo);
var builder = WebApplication.CreateBuilder(args);
if (allowDemo) builder.Configuration[DemoGate.SettingKey] = "true";
try
{
    builder.AddHotSpots(runJobServer: true);
}
catch (DemoRefusedException refused)
{
    Console.Error.WriteLine(refused.Message);
    return 1;
}
builder.AddHotSpotsWeb();

var app = builder.Build();
app.UseHotSpotsWeb();
app.Lifetime.ApplicationStarted.Register(() => StartBanner.Print(app));
await app.RunAsync();
return 0;
