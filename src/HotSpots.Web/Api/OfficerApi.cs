using System.Security.Claims;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Platform.Geography;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Antiforgery;

namespace HotSpots.Web.Api;

/// <summary>The JSON endpoints behind the officer's phone pages. Each names its policy; posts carry the antiforgery header.</summary>
internal static class OfficerApi
{
    public static void MapOfficerApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.Patrol);

        api.MapGet("/hotspots/near", async (double lat, double lon, int? count, ClaimsPrincipal user, ITaskingModule tasking,
            HttpResponse response, CancellationToken ct) =>
        {
            var position = new GeoPoint(lat, lon);
            if (!position.IsValid) return Results.Problem("lat must be in -90..90 and lon in -180..180.", statusCode: 400);
            var spots = await tasking.NearMeAsync(user.UserId(), position, Math.Clamp(count ?? 10, 1, 50), ct);
            await NearMeJson.WriteAsync(response, spots, ct);
            return Results.Empty;
        });

        var patrols = api.MapGroup("/patrols/{patrolId:long}").AddEndpointFilter(ValidateAntiforgery);

        patrols.MapGet("", async (long patrolId, ClaimsPrincipal user, IOfficerPatrols module, CancellationToken ct) =>
            await module.GetAsync(patrolId, user.UserId(), ct) is { } patrol ? Results.Ok(patrol) : Results.NotFound());

        patrols.MapPost("/pings", async (long patrolId, PingBatch? batch, ClaimsPrincipal user, IOfficerPatrols module, CancellationToken ct) =>
        {
            if (batch?.Pings is not { Count: > 0 and <= 500 } || batch.Pings.Any(p => p is null))
                return Results.Problem("A batch holds 1 to 500 pings, as {\"pings\": [{\"seq\", \"t\", \"lat\", \"lon\", \"acc\", \"speed\"}]}.", statusCode: 400);
            if (batch.Pings.FirstOrDefault(p => !IsUnixTime(p.T)) is { } bad)
                return Results.Problem($"Ping {bad.Seq}: t must be a time in Unix milliseconds.", statusCode: 400);
            var inputs = batch.Pings.Select(p => new PingInput(p.Seq, DateTimeOffset.FromUnixTimeMilliseconds(p.T).UtcDateTime,
                p.Lat, p.Lon, p.Acc, p.Speed)).ToList();
            return await Patrol(() => module.RecordPingsAsync(patrolId, user.UserId(), inputs, ct));
        });

        patrols.MapPost("/activities", async (long patrolId, ActivityJson entry, ClaimsPrincipal user, IOfficerPatrols module, CancellationToken ct) =>
            !IsUnixTime(entry.T) || entry.Kind is null
                ? Results.Problem("An entry is {\"seq\", \"t\" (Unix milliseconds), \"kind\", \"text\"}.", statusCode: 400)
                : await Patrol(async () =>
            {
                await module.LogActivityAsync(patrolId, user.UserId(),
                    new ActivityInput(entry.Seq, DateTimeOffset.FromUnixTimeMilliseconds(entry.T).UtcDateTime, entry.Kind, entry.Text), ct);
                return new { stored = true };
            }));

        // Undo a mis-tap: only the officer who logged it, within two minutes of the server storing it; 409 with the reason after.
        patrols.MapPost("/activities/{seq:long}/undo", async (long patrolId, long seq, ClaimsPrincipal user, IOfficerPatrols module, CancellationToken ct) =>
        {
            try
            {
                return await Patrol(() => module.UndoActivityAsync(patrolId, user.UserId(), seq, ct));
            }
            catch (ActivityNotFoundException e)
            {
                return Results.Problem(e.Message, statusCode: 404);
            }
            catch (ActivityUndoRefusedException e)
            {
                return Results.Problem(e.Message, statusCode: 409, title: "Too late to undo");
            }
        });

        patrols.MapPost("/unobserved", async (long patrolId, UnobservedJson? stretch, ClaimsPrincipal user, IOfficerPatrols module, CancellationToken ct) =>
            stretch is null || stretch.Reason is null || !IsUnixTime(stretch.From) || !IsUnixTime(stretch.To)
                ? Results.Problem("A stretch is {\"seq\", \"from\", \"to\" (Unix milliseconds), \"reason\"}.", statusCode: 400)
                : await Patrol(async () =>
            {
                await module.RecordUnobservedAsync(patrolId, user.UserId(), new UnobservedInput(stretch.Seq,
                    DateTimeOffset.FromUnixTimeMilliseconds(stretch.From).UtcDateTime, DateTimeOffset.FromUnixTimeMilliseconds(stretch.To).UtcDateTime,
                    stretch.Reason), ct);
                return new { stored = true };
            }));

        patrols.MapPost("/end", async (long patrolId, EndJson? end, ClaimsPrincipal user, IOfficerPatrols module, CancellationToken ct) =>
            end?.T is { } time && !IsUnixTime(time)
                ? Results.Problem("t must be a time in Unix milliseconds.", statusCode: 400)
                : await Patrol(() => module.EndAsync(patrolId, user.UserId(),
                end?.T is { } t ? DateTimeOffset.FromUnixTimeMilliseconds(t).UtcDateTime : null, ct)));
    }

    private static bool IsUnixTime(long milliseconds) => milliseconds is >= 0 and <= 253_402_300_799_999;

    private static async Task<IResult> Patrol<T>(Func<Task<T>> action)
    {
        try
        {
            return Results.Ok(await action());
        }
        catch (PatrolNotFoundException e)
        {
            return Results.Problem(e.Message, statusCode: 404);
        }
    }

    private static async ValueTask<object?> ValidateAntiforgery(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method))
        {
            if (!await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
                return Results.Problem("The request has no valid antiforgery token (header X-CSRF-TOKEN).", statusCode: 400);
        }
        return await next(context);
    }
}

internal sealed record PingBatch(List<PingJson>? Pings);

/// <summary>A ping as the phone sends it: client sequence, time in Unix milliseconds, position, accuracy and speed.</summary>
internal sealed record PingJson(long Seq, long T, double Lat, double Lon, double? Acc, double? Speed);

/// <summary>When the officer ended the patrol on the phone (Unix milliseconds); sent later when the phone was offline.</summary>
internal sealed record EndJson(long? T);

internal sealed record ActivityJson(long Seq, long T, string Kind, string? Text);

/// <summary>A stretch the page could not measure (Unix milliseconds): "hidden", "frozen", "closed" or "no-fix".</summary>
internal sealed record UnobservedJson(long Seq, long From, long To, string? Reason);
