"""Application logs: JSON lines, logfmt, nginx/Apache access logs with URL-encoded query
strings, syslog, stack traces, HTTP headers, SQL, k8s/docker and .env dumps.

Machine timestamps, ids, hashes, hosts and paths fill the lines as unlabelled hard negatives.
Where a format glues a value to its key in the spaCy tokenizer (`ip=10.0.0.1`, `name="Jane`),
templates mostly prefer the separators real loggers also use (`ip: `, JSON with spaces) so
that spans stay on token boundaries; a few glued forms stay in to keep the model honest.
"""
import html
import json
from typing import List, Optional
from urllib.parse import quote, quote_plus

from ..core import Builder, Context, Pieces, slot
from ..providers import city, country, name_form, password, persona_email, postcode, rand_chars, street_line, vary_case
from .base import GenreSpec, join, make_templates, units

NAME = "log"


@slot("email_url", "EMAIL_ADDRESS")
def slot_email_url(ctx: Context, arg: str) -> Pieces:
    """An e-mail address URL-encoded for a query string (`jane.doe%40example.com`)."""
    email = persona_email(ctx, ctx.persona(arg))
    return [(email.replace("+", "%2B").replace("@", "%40" if ctx.chance(0.9) else "@"), "EMAIL_ADDRESS")]


@slot("password_url", "CREDENTIAL")
def slot_password_url(ctx: Context, arg: str) -> Pieces:
    """A password percent-encoded in a query string (`Herbst%2123`)."""
    return [(quote(password(ctx), safe=""), "CREDENTIAL")]


@slot("name_url", "PERSON")
def slot_name_url(ctx: Context, arg: str) -> Pieces:
    """A name URL-encoded for a query string (`Jane%20Doe`, `Jane+Doe`)."""
    name = name_form(ctx, ctx.persona(arg), "full")
    return [(name.replace(" ", "%20" if ctx.chance(0.6) else "+"), "PERSON")]


@slot("dsn", "URL")
def slot_dsn(ctx: Context, arg: str) -> Pieces:
    """A Sentry DSN: a URL whose user info is a key; the whole URL is the span."""
    rng = ctx.rng
    key = rand_chars(rng, "0123456789abcdef", 32)
    return [(f"https://{key}@o{rng.randint(10000, 999999)}.ingest.sentry.io/{rng.randint(1000, 9999999)}", "URL")]


# --- encoded values (issue 17): the span covers the raw encoded text exactly --------------

# Locales whose names and places carry diacritics, so that encoding changes the text.
_ENCODED_LOCALES = ("cs_CZ", "pl_PL", "de_DE", "fr_FR", "es_ES", "tr_TR", "sv_SE", "pt_BR", "de_AT", "it_IT")
# Share of encoded values drawn from those locales rather than the example's persona.
_DIACRITIC_SHARE = 0.6
# The label of a referer URL. Corpus v2 labels every web address with a scheme as URL (the
# label table: "web addresses with a scheme ... or www."), so referers that identify nobody
# are labelled too; the default policy decides whether URL is redacted (issue 17, item 4).
REFERER_LABEL: Optional[str] = "URL"
_REFERERS = (
    "https://www.google.com/", "https://www.bing.com/", "https://duckduckgo.com/", "https://t.co/",
    "https://www.facebook.com/", "https://news.ycombinator.com/", "https://www.google.de/",
    "https://search.yahoo.com/", "https://www.reddit.com/", "https://l.instagram.com/",
)


def _encoded_name(ctx: Context, arg: str, form: str = "full") -> str:
    if ctx.chance(_DIACRITIC_SHARE):
        fake = ctx.fake(ctx.rng.choice(_ENCODED_LOCALES))
        first, last = str(fake.first_name()), str(fake.last_name())
        return {"first": first, "last": last}.get(form, f"{first} {last}")
    return name_form(ctx, ctx.persona(arg), form)


def _encoded_place(ctx: Context, kind: str) -> str:
    locale = ctx.rng.choice(_ENCODED_LOCALES) if ctx.chance(_DIACRITIC_SHARE) else None
    if kind == "city":
        return city(ctx, locale)
    if kind == "street":
        return street_line(ctx, locale)
    if kind == "postcode":
        return postcode(ctx, locale)
    return country(ctx)


def url_form(ctx: Context, value: str) -> str:
    """Percent-encode a value as a form or query string does: `+` for spaces (mostly) or `%20`."""
    if ctx.chance(0.75):
        return quote_plus(value, safe="")
    return quote(value, safe="")


def json_escape(value: str) -> str:
    """The value as it sits inside a JSON string written with ensure_ascii (`Ren\\u00e9e`)."""
    return json.dumps(value, ensure_ascii=True)[1:-1]


def html_escape(ctx: Context, value: str) -> str:
    """HTML-escape a value: `&amp;`, `&#39;`, and non-ASCII as decimal or hex character references."""
    escaped = html.escape(value, quote=True).replace("&#x27;", "&#39;")
    if ctx.chance(0.5):
        return escaped.encode("ascii", "xmlcharrefreplace").decode("ascii")
    return "".join(ch if ord(ch) < 128 else f"&#x{ord(ch):x};" for ch in escaped)


@slot("name_urlp", "PERSON")
def slot_name_urlp(ctx: Context, arg: str) -> Pieces:
    """A full name in a form-encoded query (`Zuzana+Mudrov%C3%A1`)."""
    return [(url_form(ctx, _encoded_name(ctx, arg)), "PERSON")]


@slot("first_urlp", "PERSON")
def slot_first_urlp(ctx: Context, arg: str) -> Pieces:
    return [(url_form(ctx, _encoded_name(ctx, arg, "first")), "PERSON")]


@slot("last_urlp", "PERSON")
def slot_last_urlp(ctx: Context, arg: str) -> Pieces:
    return [(url_form(ctx, _encoded_name(ctx, arg, "last")), "PERSON")]


@slot("city_urlp", "LOCATION")
def slot_city_urlp(ctx: Context, arg: str) -> Pieces:
    """A city in a query string (`%C5%A0entjur`, `Hradec+Kr%C3%A1lov%C3%A9`)."""
    return [(url_form(ctx, _encoded_place(ctx, "city")), "LOCATION")]


@slot("country_urlp", "LOCATION")
def slot_country_urlp(ctx: Context, arg: str) -> Pieces:
    """A country in a query string (`Czech+Republic`)."""
    return [(url_form(ctx, _encoded_place(ctx, "country")), "LOCATION")]


@slot("street_urlp", "STREET_ADDRESS")
def slot_street_urlp(ctx: Context, arg: str) -> Pieces:
    return [(url_form(ctx, _encoded_place(ctx, "street")), "STREET_ADDRESS")]


@slot("postcode_urlp", "STREET_ADDRESS")
def slot_postcode_urlp(ctx: Context, arg: str) -> Pieces:
    return [(url_form(ctx, _encoded_place(ctx, "postcode")), "STREET_ADDRESS")]


@slot("phone_urlp", "PHONE_NUMBER")
def slot_phone_urlp(ctx: Context, arg: str) -> Pieces:
    """A phone number in a query string (`%2B44+20+7946+0958`)."""
    from ..core import SLOTS

    value = "".join(text for text, _ in SLOTS["phone"].func(ctx, arg))
    return [(url_form(ctx, value), "PHONE_NUMBER")]


@slot("name_json", "PERSON")
def slot_name_json(ctx: Context, arg: str) -> Pieces:
    """A full name inside a JSON string with `\\uXXXX` escapes."""
    return [(json_escape(_encoded_name(ctx, arg)), "PERSON")]


@slot("city_json", "LOCATION")
def slot_city_json(ctx: Context, arg: str) -> Pieces:
    return [(json_escape(_encoded_place(ctx, "city")), "LOCATION")]


@slot("street_json", "STREET_ADDRESS")
def slot_street_json(ctx: Context, arg: str) -> Pieces:
    return [(json_escape(_encoded_place(ctx, "street")), "STREET_ADDRESS")]


@slot("name_html", "PERSON")
def slot_name_html(ctx: Context, arg: str) -> Pieces:
    """A name HTML-escaped (`Ren&#233;e`, `O&#39;Brien`)."""
    name = _encoded_name(ctx, arg)
    if ctx.chance(0.15):
        # An apostrophe in the surname makes `&#39;` ("Sean O&#39;Brien").
        parts = name.split(" ")
        name = " ".join(parts[:-1] + [ctx.rng.choice(("O'", "D'")) + parts[-1]])
    return [(html_escape(ctx, name), "PERSON")]


@slot("email_html", "EMAIL_ADDRESS")
def slot_email_html(ctx: Context, arg: str) -> Pieces:
    """An e-mail address with the @ as a character reference (`jane&#64;example.com`)."""
    email = persona_email(ctx, ctx.persona(arg))
    return [(email.replace("@", ctx.rng.choice(("&#64;", "&#x40;", "&#64;"))), "EMAIL_ADDRESS")]


@slot("org_html", "ORGANIZATION")
def slot_org_html(ctx: Context, arg: str) -> Pieces:
    """A firm with an ampersand, HTML-escaped (`Novak &amp; Sons`)."""
    fake = ctx.fake()
    a, b = str(fake.last_name()), str(fake.last_name())
    value = ctx.rng.choice((f"{a} & {b}", f"{a} & Sons", f"{a} & {b} LLP", f"{a} & Partners"))
    return [(html_escape(ctx, value), "ORGANIZATION")]


@slot("referer", "URL")
def slot_referer(ctx: Context, arg: str) -> Pieces:
    """A referer: `-` or a search or social site that identifies nobody (see REFERER_LABEL)."""
    if ctx.chance(0.2):
        return [("-", None)]
    return [(ctx.rng.choice(_REFERERS), REFERER_LABEL)]


# Messages that can follow any of the line prefixes below.
MESSAGES = [
    "user login succeeded user={user} remote_addr: {ip}",
    "login failed for {email} from {ip} (attempt 3/5)",
    "password reset requested for {email} request_id={reqid}",
    "created account user={user} email: {email}",
    "user {user} ({email}) logged in from {ip}",
    "sending SMS to {phone} template=otp_login",
    "sms delivery failed to {phone}: carrier rejected",
    "appointment reminder queued for {when} recipient {phone}",
    "geoip: {ip} resolved to {city}, {country}",
    "audit: user {user} changed shipping address to \"{fulladdress}\"",
    "CRM sync: contact {fullname} <{email}> updated (org: {org})",
    "payment authorized card: {card} amount: {amount} merchant_id={num}",
    "payment declined for card {card} ({errcode})",
    "payout created iban: {iban} beneficiary: \"{fullname}\"",
    "SEPA mandate signed by {fullname} for account {iban}",
    "kyc: identity verified for {fullname}, dob: {dob}, ssn: {ssn}",
    "kyc check failed: SSN {ssn} does not match name {fullname}",
    "dhcp: lease {ipv4} assigned to {mac} hostname={host}",
    "arp: {ipv4} is-at {mac}",
    "wlan0: STA {mac} IEEE 802.11: associated",
    "fw: DROP src {ip} dst {ip} proto TCP dport {port}",
    "blocked request from {ip}: rate limit exceeded",
    "ssh: Accepted publickey for {user} from {ip} port {port}",
    "token issued for user={user} token={token}",
    "debug: using API key {apikey} for upstream {host}",
    "WARNING: hard-coded password {password} found in {path}",
    "mail: delivered to {email} status=sent ({duration})",
    "invite sent to {email} by {user}",
    "order {order} placed by {fullname} shipping to {fulladdress}",
    "delivery address updated to {address} for order {order}",
    "profile update user={user} phone: {phone} city={city}",
    "new signup from {city}, {state} ip: {ip}",
    "session created sid={session} user={user}",
    "impersonation: admin {user} acting as {user:1}",
    "user {user} uploaded avatar from {ip} ua=\"{ua}\"",
    "employee record updated: {fullname}, {org}, {job}",
    "export requested by {email}; {num} rows",
    "vpn: {user} connected from {ip} assigned {ipv4}",
    "device {mac} registered to {fullname}",
    "LDAP bind failed for uid={user}",
    "birthday reminder for {fullname} on {date}",
    "webhook to {host} failed; payload contained email {email}",
    "reservation confirmed for {fullname} on {when}",
    "new IPv6 neighbor {ipv6} on eth0",
    "client {ipv6} requested {urlpath}",
    "redirect to {url} for user={user}",
    "fetched {url} in {num}ms",
    "sso callback {url} user={user}",
    "login from {domuser} on {host}",
    "file {userpath} modified by {user}",
    "invoice sent to {legalorg} contact={email}",
]

# Lines with their own complete format.
FULL = [
    '{"ts": "{ts}", "level": "{level}", "msg": "user login", "user": "{user}", "ip": "{ip}"}',
    '{"timestamp": "{ts}", "event": "signup", "email": "{email}", "name": "{fullname}"}',
    '{"time": "{ts}", "msg": "payment failed", "card_number": "{card}", "amount": "{amount}"}',
    '{"@timestamp": "{ts}", "client_ip": "{ip}", "user_agent": "{ua}", "status": {status}}',
    '{"level": "{level}", "msg": "password reset requested", "email": "{email}", "request_id": "{reqid}"}',
    '{"ts": {epoch}, "event": "profile_update", "phone": "{phone}", "address": "{fulladdress}"}',
    '{"ts": "{ts}", "kyc": {"name": "{fullname}", "dob": "{dob}", "ssn": "{ssn}"}}',
    '{"ts": "{ts}", "level": "debug", "headers": {"authorization": "Bearer {token}", "x-request-id": "{reqid}"}}',
    '{"event": "device_seen", "mac": "{mac}", "ip": "{ip}", "host": "{host}"}',
    '{"msg": "payout created", "iban": "{iban}", "beneficiary": "{fullname}", "trace_id": "{trace}"}',
    '{"user": {"id": {num}, "username": "{user}", "email": "{email}"}, "action": "delete"}',
    '{"config": {"aws_access_key_id": "{apikey}", "region": "eu-west-1"}}',
    '{"level": "error", "error": "duplicate key", "detail": "email {email} already exists"}',
    '{"customer": {"first_name": "{first}", "last_name": "{last}", "city": "{city}", "country": "{country}"}}',
    '{"ts": "{ts}", "msg": "loaded private key", "key": "{pem:json}"}',
    '{"level": "info", "msg": "booking", "guest": "{fullname}", "checkin": "{date}", "org": "{org}"}',
    '{"ts": "{ts}", "event": "login", "username": "{user}", "password": "{password}", "ok": false}',
    '{"ip": "{ipv6}", "ts": "{ts}", "path": "{urlpath}", "status": {status}}',
    '{ip} - - [{clf_ts}] "{method} {urlpath} HTTP/1.1" {status} {bytes} "-" "{ua}"',
    '{ip} - {user} [{clf_ts}] "GET /account/settings HTTP/1.1" {status} {bytes}',
    '{ip} - - [{clf_ts}] "GET /api/v1/users?email={email_url} HTTP/1.1" {status} {bytes}',
    '{ip} - - [{clf_ts}] "GET /search?q=shoes&page=2&name={name_url} HTTP/2.0" {status} {bytes} "-" "{ua}"',
    '{ip} - - [{clf_ts}] "POST /newsletter/subscribe?source=footer&email={email_url} HTTP/1.1" {status} {bytes}',
    '{ip} - - [{clf_ts}] "GET /reset?token={session} HTTP/1.1" {status} {bytes}',
    '{ipv6} - - [{clf_ts}] "{method} {urlpath} HTTP/2.0" {status} {bytes}',
    '[{clf_ts}] {ip} "{method} {urlpath}" {status} {duration} referer="-"',
    '{syslog_ts} {host} sshd[{pid}]: Accepted password for {user} from {ip} port {port} ssh2',
    '{syslog_ts} {host} sshd[{pid}]: Failed password for invalid user {user} from {ip} port {port} ssh2',
    '{syslog_ts} {host} sshd[{pid}]: Connection closed by authenticating user {user} {ip} port {port} [preauth]',
    '{syslog_ts} {host} dhcpd[{pid}]: DHCPACK on {ipv4} to {mac} via eth0',
    '{syslog_ts} {host} sudo: {user} : TTY=pts/0 ; PWD=/srv/app ; USER=root ; COMMAND=/usr/bin/systemctl restart {service}',
    '{syslog_ts} {host} postfix/smtp[{pid}]: {container}: to=<{email}>, relay={host}, delay=0.{num}, status=sent',
    '{syslog_ts} {host} kernel: [UFW BLOCK] IN=eth0 OUT= MAC={mac} SRC={ip} DST={ip} PROTO=TCP',
    'Traceback (most recent call last):\n  File "{path}", line {num}, in login\n    user = authenticate(username, password)\nAuthError: invalid credentials for user {user} from {ip}',
    'java.lang.IllegalStateException: duplicate account for email {email}\n\tat com.acme.users.UserService.create(UserService.java:{num})\n\tat com.acme.api.SignupController.post(SignupController.java:{num})',
    'ValueError: could not parse phone number {phone} for customer {fullname}',
    'Error: connect ECONNREFUSED {ip}:{port}\n    at TCPConnectWrapper.afterConnect [as oncomplete] (node:net:1555:16)',
    'panic: invalid IBAN "{iban}" for account holder {fullname}\n\ngoroutine 1 [running]:\nmain.validate()\n\t/app/main.go:{num} +0x1d',
    'Authorization: Bearer {token}',
    'Authorization: Basic {basic}',
    'Cookie: session={session}; theme=dark; lang=en',
    'Set-Cookie: sid={session}; Path=/; HttpOnly; Secure; SameSite=Lax',
    'X-Api-Key: {apikey}',
    'X-Forwarded-For: {ip}, {ip}',
    'POST /login HTTP/1.1\nHost: {host}\nUser-Agent: {ua}\nContent-Type: application/json\n\n{"username": "{user}", "password": "{password}"}',
    'GET {urlpath} HTTP/1.1\nHost: {host}\nAuthorization: Bearer {jwt}\nX-Real-IP: {ip}',
    "INSERT INTO users (name, email) VALUES ('{fullname}', '{email}');",
    "UPDATE customers SET phone = '{phone}' WHERE id = {num};",
    "SELECT * FROM accounts WHERE ssn = '{ssn}';",
    "INSERT INTO payments (card_number, holder, amount) VALUES ('{card}', '{fullname}', {num});",
    'ERROR:  duplicate key value violates unique constraint "users_email_key"\nDETAIL:  Key (email)=({email}) already exists.',
    "UPDATE users SET password_hash = '{sha256}' WHERE username = '{user}';",
    "INSERT INTO addresses (user_id, street, city) VALUES ({num}, '{street}', '{city}');",
    "SELECT id FROM employees WHERE last_name = '{last}' AND dob = '{dob}';",
    'docker run -e AWS_ACCESS_KEY_ID={apikey} -e AWS_REGION=us-east-1 {service}:{version}',
    'kubectl create secret generic db-creds --from-literal=username={user} --from-literal=password={password}',
    'export GITHUB_TOKEN={apikey}',
    'DB_USER={user}\nDB_PASSWORD={password}\nDB_HOST={host}\nDB_PORT=5432',
    'STRIPE_SECRET_KEY={apikey}\nSENTRY_DSN={dsn}',
    'SLACK_BOT_TOKEN={apikey}\nSLACK_CHANNEL=#alerts',
    '{ts} stdout F user={user} action=login src: {ip}',
    '{ts} {pod} {service} msg="created user" email: {email}',
    'time="{ts}" level=info msg="user authenticated" user={user} client: {ip}',
    'level=warn ts={epoch} caller=auth.go:{num} msg="bad password" user={user}',
    'level=info msg="contact saved" name: "{fullname}" phone: "{phone}"',
    '{ts} INFO  [{service}] Customer {fullname} ({email}) checked out order {order}',
    '{ts} DEBUG Request headers: Cookie: session={session}',
    '-----BEGIN CERTIFICATE REQUEST----- skipped; found key material:\n{pem}',
    '{ts} WARN token for {user} expires soon: {jwt}',
    'git: push to {service} rejected for user {user}',
    "ldapsearch -x -D cn=admin -w {password} -b dc=example,dc=com",
    'mysql -u {user} --password {password} -h {host}',
    'name\temail\tphone\tcity\n{fullname}\t{email}\t{phone}\t{city}',
    '{fullname}\t{email}\t{dob}\t{ssn}',
    '| {fullname} | {email} | {phone} | {org} |',
    "{'user': '{user}', 'email': '{email}', 'ip': '{ip}'}",
    "{'name': '{fullname}', 'card': '{card}', 'iban': '{iban}'}",
    'customer:\n  name: {fullname}\n  email: {email}\n  phone: "{phone}"\n  address: "{fulladdress}"',
    'credentials:\n  username: {user}\n  password: "{password}"\n  api_key: {apikey}',
    'Contact: "{fullname}" <{email}>',
    'An account was successfully logged on.\n\tAccount Name:\t\t{user}\n\tAccount Domain:\t\tCORP\n\tSource Network Address:\t{ip}\n\tSource Port:\t\t{port}',
    'An account failed to log on.\n\tAccount Name:\t{user}\n\tWorkstation Name:\tWS-{num}\n\tSource Network Address:\t{ip}',
    '{"eventName": "ConsoleLogin", "userIdentity": {"type": "IAMUser", "userName": "{user}", "accessKeyId": "{apikey}"}, "sourceIPAddress": "{ip}"}',
    '{"actor": {"alternateId": "{email}", "displayName": "{fullname}"}, "client": {"ipAddress": "{ip}", "geographicalContext": {"city": "{city}", "country": "{country}"}}}',
    '{syslog_ts} {host} haproxy[{pid}]: {ip}:{port} [{clf_ts}] fe_https be_app/{host} 0/0/1/{num}/{num} {status} {bytes} - - ---- user={user}',
    '{syslog_ts} {host} postfix/smtpd[{pid}]: warning: unknown[{ip}]: SASL LOGIN authentication failed: {errcode}, sasl_username={email}',
    '{syslog_ts} {host} dovecot: imap-login: Login: user=<{email}>, method=PLAIN, rip={ip}, lip=10.0.0.2',
    '{syslog_ts} {host} sshd[{pid}]: pam_unix(sshd:session): session opened for user {user} by (uid=0)',
    '{ts} [error] {pid}#0: *{num} upstream timed out, client: {ip}, server: {host}, request: "GET {urlpath} HTTP/1.1"',
    '[{ts}] "POST /accounts/login/ HTTP/1.1" 302 0 user={user} ip: {ip}',
    'Started POST "/users" for {ip} at {ts}\nProcessing by UsersController#create as HTML\nCompleted 302 Found in {duration}',
    '{ip} - - [{clf_ts}] "GET /auth/callback?state={md5}&password={password_url} HTTP/1.1" {status} {bytes}',
    'W{num} {ts} {pid} handler.go:{num}] slow request from {ip}: {duration} user={user}',
    '{"severity": "ERROR", "message": "SMTP relay refused", "recipient": "{email}", "sender_name": "{fullname}", "logging.googleapis.com/trace": "{trace}"}',
    '{"ts": "{ts}", "event": "profile_update", "age": {age}, "user": "{user}"}',
    '{"ts": "{ts}", "event": "invoice", "customer": "{legalorg}", "contact": "{email}"}',
    '{clf_ts} referer="{url}" ip={ip} user={user}',
    # issue 17: URL-encoded, JSON-escaped and HTML-escaped values; referers
    '{ip} - - [{clf_ts}] "GET /checkout/address?name={name_urlp}&city={city_urlp}&country={country_urlp} HTTP/1.1" {status} {bytes} "{referer}" "{ua}"',
    '{ip} - - [{clf_ts}] "GET /register?first_name={first_urlp}&last_name={last_urlp}&email={email_url} HTTP/1.1" {status} {bytes} "{referer}" "{ua}"',
    '{ip} - - [{clf_ts}] "POST /profile/update?street={street_urlp}&zip={postcode_urlp}&phone={phone_urlp} HTTP/2.0" {status} {bytes} "{referer}" "{ua}"',
    '{ip} - - [{clf_ts}] "GET /search?q=hotels&city={city_urlp}&guest={name_urlp} HTTP/1.1" {status} {bytes} "{referer}" "{ua}"',
    '{ip} - {user} [{clf_ts}] "GET /api/v2/contacts?page=1&country={country_urlp} HTTP/1.1" {status} {bytes} "{referer}" "{ua}"',
    'POST /signup HTTP/1.1\nHost: {host}\nContent-Type: application/x-www-form-urlencoded\n\nname={name_urlp}&email={email_url}&city={city_urlp}&country={country_urlp}',
    '{ts} DEBUG form body: utm_source=newsletter&first={first_urlp}&last={last_urlp}&phone={phone_urlp}',
    '{ts} INFO redirect to /thanks?name={name_urlp}&city={city_urlp}',
    '{"ts": "{ts}", "event": "signup", "name": "{name_json}", "city": "{city_json}", "ip": "{ip}"}',
    '{"customer": {"full_name": "{name_json}", "address": "{street_json}", "city": "{city_json}", "country": "{country}"}}',
    '{"level": "info", "msg": "shipping label printed", "recipient": "{name_json}", "street": "{street_json}", "order": "{order}"}',
    '{"event": "review_posted", "author": "{name_json}", "location": "{city_json}", "rating": {num}}',
    '{ts} WARN mail bounced for {email_html}; account owner: {name_html}',
    '<td>{name_html}</td> <td>{email_html}</td> <td>{org_html}</td>',
    '{ts} INFO rendered invoice for {org_html}, contact {name_html}, {email_html}',
    'value="{name_html}" data-email="{email_html}"',
    '{ip} - - [{clf_ts}] "GET /products/{num} HTTP/1.1" {status} {bytes} "{referer}" "{ua}" user={user}',
    '{ts} INFO webhook delivered to {url} for account {user} ({duration})',
]

NEGATIVE_MESSAGES = [
    "request completed in {duration} status={status} bytes={bytes} request_id={reqid}",
    "cache miss key={md5} took {duration}",
    "job {uuid} finished in {duration} (exit 0)",
    "processed order {order} amount={amount} items={num}",
    "tracking {badcard} status=in_transit",
    "deprecation warning: {path} uses a legacy API that will be removed in {version}",
    "upstream {host}:{port} timed out after {duration}",
    "password={redacted} api_key={redacted}",
    "authorization header {redacted}",
    "disk usage at {percent} on {host}",
    "TLS handshake error from {host}: {errcode}",
    "mark_as_read called for message {uuid}",
    "bill run completed: {num} invoices, total {amount}",
    "retrying in {duration} (attempt {num})",
    "starting {service} version {version} commit {gitsha}",
    "health check ok ({duration})",
    "GC pause {duration}, heap {percent}",
    "worker {pid} exited with code 0",
    "feature flag summer_promo enabled for {percent} of traffic",
    "will retry: {errcode}",
    "may be throttled: {num} requests in the last minute",
    "grant role=viewer resource={service} result=ok",
    "loaded config from {path} sha256={sha256}",
    "scheduled task rose_report completed in {duration}",
    "card {badcard} rejected: invalid number",
    "span {trace} exported",
    "server listening on {loopback}:{port}",
    "allow from {cidr} (rule {num})",
    "sudo: {sysuser} : TTY=pts/1 ; PWD=/ ; USER=root ; COMMAND=/bin/systemctl status {service}",
    "Accepted publickey for {sysuser} from {loopback} port {port} ssh2: ED25519 {fingerprint}",
    "user_id={num} customer_id={empid} status=active",
    "maintenance window scheduled for {plaindate}, 02:00-04:00 UTC",
    "connected to postgres as {sysuser} db=orders",
]
NEGATIVE_FULL = [
    '{"ts": "{ts}", "level": "info", "msg": "cache miss", "key": "{md5}", "took_ms": {num}}',
    '{"ts": {epoch}, "level": "{level}", "service": "{service}", "msg": "request completed", "status": {status}, "duration": "{duration}", "trace_id": "{trace}"}',
    '{"event": "order_created", "order_id": "{order}", "amount": "{amount}", "sku": "{sku}"}',
    'pulling image registry.example.com/{service}:{version} digest sha256:{sha256}',
    'commit {sha1}\nDate:   {ts}\n\n    fix: handle empty cart ({order})',
    "SELECT id, status FROM orders WHERE created_at > '{ts}' LIMIT 100;",
    'Exception in thread "main" java.lang.NullPointerException\n\tat com.acme.billing.InvoiceService.total(InvoiceService.java:{num})',
    '{syslog_ts} {host} systemd[1]: Started {service}.service.',
    '{syslog_ts} {host} kernel: [{num}.{pid}] eth0: link up, 1000 Mbps, full duplex',
    'pod/{pod} Back-off restarting failed container',
    '[{clf_ts}] "GET /health HTTP/1.1" 200 {bytes} {duration}',
    'GET {urlpath} {status} {duration} - {ua}',
    '{ts} {level} [{service}] {method} {urlpath} -> {status} ({duration})',
    'Set-Cookie: theme=dark; Path=/; Max-Age=31536000',
    'Content-Length: {bytes}\nContent-Type: application/json\nX-Request-Id: {reqid}',
    'ETag: "{md5}"\nLast-Modified: {ts}',
    'File "{path}", line {num}, in handle_request\nKeyError: \'order_id\'',
    'CREATE INDEX idx_orders_created ON orders (created_at);',
    'npm WARN deprecated request@2.88.2: request has been deprecated',
    'Downloaded {service}-{version}.tar.gz ({bytes} bytes) md5={md5}',
    'container {container} OOMKilled after {duration}',
    '{syslog_ts} {host} CRON[{pid}]: ({sysuser}) CMD (/usr/local/bin/backup.sh)',
    '{syslog_ts} {host} sshd[{pid}]: Invalid user {sysuser} from {loopback} port {port}',
    '{sshkey}',
    'inet {loopback} netmask {cidr}',
    'BUILD SUCCESSFUL in {duration}\n{num} actionable tasks: {num} executed',
    # issue 17: encoded text without PII, and referers that identify nobody
    '{loopback} - - [{clf_ts}] "GET /search?q=running+shoes&utm_source=google&utm_medium=cpc HTTP/1.1" {status} {bytes} "-" "{ua}"',
    '{"ts": "{ts}", "msg": "menu updated", "item": "Caf\\u00e9 cr\\u00e8me", "price": "{amount}"}',
    '<a href="/terms">Terms &amp; Conditions</a> &middot; <a href="/privacy">Privacy</a>',
    '{ts} DEBUG query: sort=price&order=asc&category=home%20%26%20garden&page={num}',
]

PREFIXES = [
    "{ts} {level} ", "{ts} [{level}] {service}: ", "{syslog_ts} {host} {service}[{pid}]: ",
    "[{ts}] {level} {service} - ", "{ts} {pod} ", "{epoch} ", "{ts} ", "{level} ", "[{level}] ",
    "{ts} {level} [{service},{trace}] ", "I{num} {ts} {pid} server.go:{num}] ", "{ts} | {level} | ",
    "<{num}>1 {ts} {host} {service} {pid} - - ",
]


def _style(ctx: Context, text: str, label: Optional[str]) -> str:
    if label == "PERSON":
        return vary_case(ctx.rng, text, 0.08, 0.05)
    if label in ("EMAIL_ADDRESS", "USERNAME"):
        return vary_case(ctx.rng, text, 0.3, 0.0)
    return text


def compose(ctx: Context, positive: bool) -> Builder:
    """Two to nine log lines, message lines behind a random (consistent) prefix."""
    lines: List[Builder] = units(ctx, SPEC, positive, 2, 9, 0.35)
    prefix_index = ctx.rng.randrange(len(SPEC.parts["prefix"]))
    prefixed = ctx.rng.random() < 0.85
    out: List[Builder] = []
    for line, template_id in zip(lines, ctx.used[-len(lines):]):
        if prefixed and template_id in _MESSAGE_IDS:
            prefix = SPEC.unit(ctx, SPEC.parts["prefix"][prefix_index])
            out.append(prefix.extend(line))
        else:
            out.append(line)
    return join(out, "\n")


_POS_MESSAGES = make_templates(NAME, "pos", MESSAGES)
_POS_FULL = make_templates(NAME, "posfull", FULL)
_NEG_MESSAGES = make_templates(NAME, "neg", NEGATIVE_MESSAGES)
_NEG_FULL = make_templates(NAME, "negfull", NEGATIVE_FULL)
_MESSAGE_IDS = frozenset(t.id for t in _POS_MESSAGES + _NEG_MESSAGES)

SPEC = GenreSpec(
    name=NAME,
    weight=0.24,
    positives=_POS_MESSAGES + _POS_FULL,
    negatives=_NEG_MESSAGES + _NEG_FULL,
    parts={"prefix": make_templates(NAME, "prefix", PREFIXES)},
    style_value=_style,
)
SPEC.compose = compose
