using HotSpots.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HotSpots.Web.Hosting;

/// <summary>A page that shows a refused input's message on its own form (loading what it shows) rather than on its own.</summary>
internal interface IShowsValidationErrors
{
    /// <summary>The page to answer with, showing <paramref name="message"/>; the status is already 400.</summary>
    Task<IActionResult> ShowValidationErrorAsync(string message, CancellationToken cancellationToken);
}

/// <summary>
/// The one place where refused input (<see cref="ValidationException"/>) becomes an answer: 400 with its message. A page
/// that shows it on its form does so (<see cref="IShowsValidationErrors"/>); any other page answers with the message as
/// text. API endpoints answer with a problem (<c>ApiErrors</c>).
/// </summary>
internal sealed class ValidationErrors : IAsyncPageFilter
{
    public static void Add(IServiceCollection services) =>
        services.Configure<MvcOptions>(o => o.Filters.Add(new ValidationErrors()));

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.ExceptionHandled || executed.Exception is not ValidationException refused) return;
        executed.ExceptionHandled = true;
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        executed.Result = context.HandlerInstance is IShowsValidationErrors page
            ? await page.ShowValidationErrorAsync(refused.Message, http.RequestAborted)
            : new ContentResult { StatusCode = StatusCodes.Status400BadRequest, ContentType = "text/plain; charset=utf-8", Content = refused.Message };
    }
}
