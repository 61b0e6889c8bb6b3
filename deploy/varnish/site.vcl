vcl 4.1;
# The edge cache in front of the app instances (npm run cluster). Anonymous readers get shared pages from here;
# the app purges them by key (xkey) the moment a change shows on them. backends.vcl is written at start time with
# one backend per instance and a director named "app".

import std;
import xkey;

include "backends.vcl";

acl purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_init {
  call init_backends;
}

sub vcl_recv {
  set req.backend_hint = app.backend();

  if (req.method == "PURGE") {
    if (client.ip !~ purgers) {
      return (synth(405, "Not allowed"));
    }
    if (!req.http.xkey-purge) {
      return (synth(400, "No keys to purge"));
    }
    set req.http.n-gone = xkey.purge(req.http.xkey-purge);
    return (synth(200, "Purged"));
  }

  # Nothing a client sends may change how a page is rendered for others: a policy (Next.js takes its nonce from it),
  # another host or scheme, or the framework's own internal headers.
  unset req.http.Content-Security-Policy;
  unset req.http.Content-Security-Policy-Report-Only;
  unset req.http.X-Forwarded-Host;
  unset req.http.X-Forwarded-Proto;
  unset req.http.X-Forwarded-Port;
  unset req.http.Forwarded;
  unset req.http.X-Client-Address;
  unset req.http.X-Middleware-Subrequest;
  unset req.http.X-Invoke-Path;
  unset req.http.X-Invoke-Query;
  unset req.http.X-Invoke-Output;
  unset req.http.X-Matched-Path;
  unset req.http.X-Now-Route-Matches;
  unset req.http.X-Nextjs-Data;
  unset req.http.Next-Url;
  unset req.http.xkey-purge;
  unset req.http.X-Failed-Backend;

  # Campaign parameters change nothing on a page; the rest are put in one order, so each page is stored once.
  # (Most addresses have no query at all: they skip the rewriting.)
  if (req.url ~ "\?") {
    set req.url = regsuball(req.url, "([?&])(utm_[a-z_]+|gclid|fbclid|msclkid|mc_cid|mc_eid|_ga|ref)=[^&]*", "\1");
    set req.url = regsuball(req.url, "&&+", "&");
    set req.url = regsub(req.url, "\?&", "?");
    set req.url = regsub(req.url, "[?&]+$", "");
    set req.url = std.querysort(req.url);
  }

  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  # Staff, the API, article previews and a reader's own pages (a waiting comment, a signed-in session) are never
  # stored.
  if (req.url ~ "^/(admin|api|preview)(/|\?|$)") {
    return (pass);
  }
  if (req.http.Cookie ~ "(^|;\s*)(pending_comments|next-auth\.[^=]*|__Secure-next-auth\.[^=]*|__Host-next-auth\.[^=]*)=") {
    return (pass);
  }
  # The router's own requests vary by the client's router state.
  if (req.http.rsc || req.http.next-router-prefetch || req.http.next-router-state-tree || req.http.next-action || req.url ~ "[?&]_rsc=") {
    return (pass);
  }
  # Any other cookie (analytics, a theme) says nothing the page depends on.
  unset req.http.Cookie;

  # With a healthy app a stale page is served at most 10 s while a new one is fetched; with every instance sick
  # (the app or its database down) the whole grace applies.
  if (std.healthy(req.backend_hint)) {
    set req.grace = 10s;
  }
  return (hash);
}

sub vcl_hash {
  # One site: the address alone names a page, whatever Host the client sent.
  hash_data(req.url);
  return (lookup);
}

sub vcl_backend_response {
  if (bereq.is_bgfetch && beresp.status >= 500) {
    return (abandon);
  }
  # The page's keys are the object's xkey index; readers never see them (vcl_deliver). Copied only when present:
  # copying a missing header would create an empty one, and an answer without keys must not be stored.
  if (beresp.http.Surrogate-Key) {
    set beresp.http.xkey = beresp.http.Surrogate-Key;
    unset beresp.http.Surrogate-Key;
  }
  if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-store|no-cache)" || !beresp.http.xkey
      || (beresp.status != 200 && beresp.status != 301 && beresp.status != 404)) {
    set beresp.uncacheable = true;
    set beresp.ttl = 2s;
    return (deliver);
  }
  set beresp.grace = 24h;
  return (deliver);
}

sub vcl_backend_fetch {
  if (bereq.retries > 0) {
    call next_backend;
  }
  unset bereq.http.X-Failed-Backend;
}

sub vcl_backend_error {
  # An instance that has just died or is restarting fails the fetch before its probe marks it sick: a read goes to
  # the next instance, once (a slow app is not sent the same work three times). Other methods are not sent twice; the client decides (comments carry an Idempotency-Key for
  # that). A response already on its way to the reader cannot be taken back.
  if (bereq.retries < 1 && (bereq.method == "GET" || bereq.method == "HEAD")) {
    set bereq.http.X-Failed-Backend = beresp.backend.name;
    return (retry);
  }
}

sub vcl_deliver {
  if (obj.hits > 0) {
    set resp.http.X-Cache = "HIT";
  } else {
    set resp.http.X-Cache = "MISS";
  }
  unset resp.http.xkey;
}

sub vcl_synth {
  if (req.method == "PURGE") {
    set resp.http.Purged = req.http.n-gone;
  }
}
