using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace HotSpots.Web.Security;

/// <summary>
/// The sign-in cookie's ticket, decrypted once per cookie value instead of once per request: a phone on patrol sends
/// the same cookie with every ping and "near me", and decrypting it was the largest cost of those requests. Each
/// request gets its own copy of the ticket, so nothing one request does to it reaches another; expiry, the security
/// stamp check and sign-out work on that copy exactly as before. Tampered or foreign cookies are never remembered.
/// </summary>
internal sealed class RememberedTickets(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>More cookies than a force has sessions open: when it fills up it starts again, and costs one decryption each.</summary>
    private const int Capacity = 5_000;

    private readonly ConcurrentDictionary<(string Text, string? Purpose), AuthenticationTicket> _tickets = new();

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null) return null;
        if (_tickets.TryGetValue((protectedText, purpose), out var known)) return known.Clone();
        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is null) return null;
        if (_tickets.Count >= Capacity) _tickets.Clear();
        _tickets[(protectedText, purpose)] = ticket.Clone();
        return ticket;
    }

    /// <summary>Wraps the application cookie's ticket format; call after Identity has set up its cookies.</summary>
    public static void Use(IServiceCollection services) =>
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme,
            o => o.TicketDataFormat = new RememberedTickets(o.TicketDataFormat));
}
