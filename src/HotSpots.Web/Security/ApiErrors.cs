using System.Text.Json;
using HotSpots.Platform;

namespace HotSpots.Web.Security;

/// <summary>
/// A JSON body or query the API cannot read gets a 400 problem that says what was wrong (the parameter and, for
/// JSON, where the reader stopped), never a bare status or a stack trace; so does input a module refuses
/// (<see cref="ValidationException"/>, with its message). Pages show refused input themselves (<c>ValidationErrors</c>).
/// </summary>
internal static class ApiErrors
{
    public static void AddApiErrors(this IServiceCollection services) =>
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                var reason = e.InnerException is JsonException json ? $"{e.Message} {json.Message}" : e.Message;
                context.Response.Clear();
                context.Response.StatusCode = e.StatusCode;
                await Results.Problem(reason, statusCode: e.StatusCode).ExecuteAsync(context);
            }
            catch (ValidationException e) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            }
        });
}
