"""What the fault and soak runs share: a signed-in browser-like client of one app, and an officer who starts a patrol
the way the phone pages do (Direct me, then Start patrol)."""
import http.cookiejar, re, urllib.error, urllib.parse, urllib.request

TOKEN = r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"'


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


class Client:
    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect())
        self.csrf = None

    def send(self, method, path, body=None, headers=None, timeout=30):
        request = urllib.request.Request(self.base + path, data=body, method=method, headers=headers or {})
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return response.status, response.read(), response.headers
        except urllib.error.HTTPError as e:
            return e.code, e.read(), e.headers

    def form(self, path, fields, page_path=None):
        """Posts a form with the antiforgery token of the page it is on (the path itself unless given)."""
        page = self.send("GET", page_path or path)[1].decode()
        fields = dict(fields, __RequestVerificationToken=re.search(TOKEN, page).group(1))
        return self.send("POST", path, urllib.parse.urlencode(fields).encode(), {"Content-Type": "application/x-www-form-urlencoded"})


def start_patrol(base, email, password="Demo-Patrol-2026"):
    """Signs in, is directed from the town centre and starts the patrol; returns the client (with the page's
    antiforgery header token) and the patrol's id."""
    c = Client(base)
    c.form("/Account/SignIn", {"Email": email, "Password": password})
    _, _, headers = c.form("/Officer/Direct", {"lat": "51.4545", "lon": "-0.9730"}, "/Officer")
    direction = headers["Location"]
    page = c.send("GET", direction)[1].decode()
    spot_id = re.search(r'name="hotspotId" value="(\d+)"', page).group(1)
    _, _, headers = c.send("POST", direction + "?handler=Start", urllib.parse.urlencode(
        {"hotspotId": spot_id, "__RequestVerificationToken": re.search(TOKEN, page).group(1)}).encode(),
        {"Content-Type": "application/x-www-form-urlencoded"})
    patrol_url = headers["Location"]
    page = c.send("GET", patrol_url)[1].decode()
    c.csrf = re.search(r'<meta name="csrf-token" content="([^"]+)"', page).group(1)
    return c, int(patrol_url.rsplit("/", 1)[1])
