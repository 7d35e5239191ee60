using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace HotSpots.Web.Security;

/// <summary>
/// The antiforgery check of the officer API's posts. A phone posts every ping batch with the same antiforgery cookie
/// and header token; checking a pair means decrypting both tokens and hashing the user's claims. A pair found good for
/// a user is remembered, so the next post with exactly that user, cookie and header is good without decrypting again;
/// anything else — another header, another cookie, another user, none — is checked in full.
/// </summary>
internal sealed class AntiforgeryChecks(IAntiforgery antiforgery, IOptions<AntiforgeryOptions> options)
{
    /// <summary>More pairs than a force has phones on patrol; when full it starts again.</summary>
    private const int Capacity = 10_000;

    private readonly ConcurrentDictionary<(string User, string Cookie, string Header), byte> _good = new();

    public async Task<bool> IsValidAsync(HttpContext http)
    {
        var cookie = options.Value.Cookie.Name is { } name ? http.Request.Cookies[name] : null;
        var header = options.Value.HeaderName is { } headerName ? http.Request.Headers[headerName].ToString() : "";
        var user = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
#if BENCH_WITHOUT_ANTIFORGERY_CACHE
        return await antiforgery.IsRequestValidAsync(http);
#else
        if (cookie is null || header.Length == 0 || user is null) return await antiforgery.IsRequestValidAsync(http);
        if (_good.ContainsKey((user, cookie, header))) return true;
        if (!await antiforgery.IsRequestValidAsync(http)) return false;
        if (_good.Count >= Capacity) _good.Clear();
        _good[(user, cookie, header)] = 0;
        return true;
#endif
    }
}
