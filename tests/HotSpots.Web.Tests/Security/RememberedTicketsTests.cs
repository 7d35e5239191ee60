using System.Security.Claims;
using HotSpots.Testing;
using HotSpots.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HotSpots.Web.Tests.Security;

public sealed class RememberedTicketsTests
{
    private static readonly TicketDataFormat Format = new(new EphemeralDataProtectionProvider().CreateProtector("test"));

    [Fact]
    public void A_remembered_cookie_gives_each_request_its_own_copy_of_the_ticket()
    {
        var tickets = new RememberedTickets(Format);
        var cookie = tickets.Protect(Ticket("officer-7"));

        var first = tickets.Unprotect(cookie)!;
        first.Principal.Identity!.Name.ShouldBe("officer-7");
        ((ClaimsIdentity)first.Principal.Identity).AddClaim(new Claim(ClaimTypes.Role, "Admin"));
        first.Properties.Items["changed"] = "yes";

        var second = tickets.Unprotect(cookie)!;
        second.ShouldNotBeSameAs(first);
        second.Principal.Identity!.Name.ShouldBe("officer-7");
        second.Principal.IsInRole("Admin").ShouldBeFalse();
        second.Properties.Items.ContainsKey("changed").ShouldBeFalse();
        second.Properties.ExpiresUtc.ShouldBe(first.Properties.ExpiresUtc);
    }

    [Fact]
    public void A_tampered_or_foreign_cookie_is_refused_every_time()
    {
        var tickets = new RememberedTickets(Format);
        var cookie = tickets.Protect(Ticket("officer-7"));
        var tampered = cookie[..^4] + (cookie[^4] == 'A' ? "B" : "A") + cookie[^3..];

        tickets.Unprotect(tampered).ShouldBeNull();
        tickets.Unprotect(tampered).ShouldBeNull();
        tickets.Unprotect(new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("test")).Protect(Ticket("x"))).ShouldBeNull();
        tickets.Unprotect(null).ShouldBeNull();
    }

    [Fact]
    public async Task The_app_reads_its_sign_in_cookie_through_the_remembered_tickets()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        var cookies = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        cookies.TicketDataFormat.ShouldBeOfType<RememberedTickets>();
    }

    private static AuthenticationTicket Ticket(string name) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "test")),
            new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddMinutes(30) }, "test");
}
