using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages;

/// <summary>Error pages: a plain message and the status code, never internals.</summary>
[AllowAnonymous, IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        Response.StatusCode = code is >= 400 and < 600 ? code : 500;
        (Title, Message) = code switch
        {
            403 => ("Access denied", "Your role does not give you access to this page. If you need it, ask your administrator."),
            404 => ("Not found", "There is nothing at this address."),
            400 => ("Bad request", "The request could not be understood."),
            _ => ("Something went wrong", "The error has been logged. Try again, and tell your administrator if it happens again."),
        };
    }
}
