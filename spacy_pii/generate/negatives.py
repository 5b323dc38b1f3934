"""Hard negatives: values that look like PII to a careless model and must stay unlabelled.

Machine timestamps, ids, hashes, versions, hostnames, paths, order and ticket numbers,
16-digit numbers that fail Luhn, product names, place-like words and words that double as
first names. Each maker is a slot with no label, so templates mix them freely with PII.
"""
import random
import string
from typing import Tuple

from .core import Context, Pieces, slot
from .numwords import number_words
from .providers import MONTHS, NATIONALITIES, bad_card_number, event_date, indefinite_article, rand_chars

HEX = "0123456789abcdef"

SERVICES: Tuple[str, ...] = (
    "auth-service", "billing-api", "checkout", "gateway", "user-svc", "payments", "search",
    "notifier", "inventory", "orders-worker", "cart", "profile-api", "ingest", "scheduler",
    "reporting", "edge-proxy", "session-store", "mailer", "web", "api", "cron", "graphql",
)
PRODUCTS: Tuple[str, ...] = (
    "iPhone 15 Pro", "Galaxy S23", "ThinkPad X1 Carbon", "MacBook Air", "Pixel 8", "Kindle Paperwhite",
    "PlayStation 5", "Xbox Series X", "Surface Pro 9", "AirPods Pro", "Echo Dot", "Model 3",
    "Office 365", "Windows 11", "Ubuntu 22.04", "Photoshop", "Excel", "Jira", "Confluence",
    "Salesforce CRM", "Premium Plan", "Pro subscription", "Family Plan", "Gold tier", "Basic plan",
    "Apache Kafka", "PostgreSQL 16", "Redis", "Kubernetes", "Docker Desktop", "Chrome", "Firefox",
    "Visual Studio Code", "Slack Connect", "Teams Rooms", "Nest Thermostat", "Ring Doorbell",
    "Fitbit Charge 6", "Galaxy Buds", "Dyson V15", "Instant Pot", "Roomba j7",
)
# Words that name places or people but are used here as ordinary nouns or adjectives.
PLACE_WORDS: Tuple[str, ...] = (
    "Brussels sprouts", "Boston terrier", "Dijon mustard", "French fries", "Swiss cheese",
    "Turkish delight", "Bermuda shorts", "Panama hat", "Danish pastry", "Greek yogurt",
    "Champagne", "Cheddar", "Peking duck", "Buffalo wings", "Hawaiian pizza", "Scotch tape",
    "Oxford shirt", "Chelsea boots", "Irish coffee", "Belgian waffles", "Cuban sandwich",
    "Persian rug", "Siamese cat", "Great Dane", "Brazil nuts", "Jersey knit", "Manila envelope",
    "Cologne", "Denim", "Swiss army knife", "Venetian blinds", "Bologna sandwich",
    "Java runtime", "Amazon basin tour package", "Sahara theme", "Nordic theme", "Dutch oven",
)
ORDINARY_NAME_WORDS: Tuple[str, ...] = (
    "may", "will", "mark", "bill", "june", "summer", "rose", "grant", "bob", "frank", "hope",
    "grace", "joy", "rich", "pat", "sue", "jack", "chase", "hunter", "penny", "ruby", "iris",
    "daisy", "dawn", "amber", "crystal", "faith", "miles", "max", "ray", "cliff", "rod",
)
HTTP_STATUS: Tuple[int, ...] = (200, 200, 200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504)
LEVELS: Tuple[str, ...] = ("INFO", "WARN", "ERROR", "DEBUG", "info", "warn", "error", "debug", "WARNING", "TRACE")
METHODS: Tuple[str, ...] = ("GET", "GET", "GET", "POST", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")
URL_PATHS: Tuple[str, ...] = (
    "/api/v1/orders", "/api/v2/users/me", "/login", "/logout", "/health", "/metrics", "/static/app.js",
    "/favicon.ico", "/api/v1/cart/items", "/checkout/confirm", "/assets/css/main.css", "/graphql",
    "/api/v1/sessions", "/oauth/token", "/api/v1/payments", "/index.html", "/robots.txt",
    "/api/v3/search", "/admin/dashboard", "/wp-login.php", "/api/v1/invoices", "/ws", "/",
    "/api/v1/accounts/settings", "/images/logo.png", "/api/v1/reports/export",
)
FILE_PATHS: Tuple[str, ...] = (
    "/var/log/nginx/access.log", "/etc/nginx/nginx.conf", "/usr/lib/python3.11/site-packages/app/views.py",
    "/opt/app/config.yaml", "/home/app/.cache/pip", "/tmp/upload_3f9a.tmp", "C:\\Program Files\\App\\app.exe",
    "/srv/www/releases/current/index.php", "src/main/java/com/acme/billing/InvoiceService.java",
    "lib/handlers/session.js", "/data/postgres/pg_wal", "./build/output.bin", "/etc/ssl/certs/ca.pem",
    "/usr/local/bin/worker", "app/models/user.rb", "internal/server/router.go", "/mnt/backups/db.tar.gz",
)


def timestamp_iso(rng: random.Random) -> str:
    """An ISO 8601 machine timestamp."""
    y, mo, d = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
    h, mi, s = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    base = f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}"
    return rng.choice(
        (base + "Z", f"{base}.{rng.randint(0, 999):03d}Z", f"{base}+00:00", f"{base}.{rng.randint(0, 999999):06d}",
         f"{y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}", f"{y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d},{rng.randint(0, 999):03d}",
         f"{base}{rng.choice(('+02:00', '-05:00', '+05:30'))}")
    )


def timestamp_syslog(rng: random.Random) -> str:
    """A BSD syslog timestamp such as `Mar  3 14:22:01`."""
    d = rng.randint(1, 28)
    return f"{MONTHS[rng.randint(0, 11)][:3]} {d:>2} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def timestamp_clf(rng: random.Random) -> str:
    """An Apache/nginx common-log-format timestamp (without the brackets)."""
    return (f"{rng.randint(1, 28):02d}/{MONTHS[rng.randint(0, 11)][:3]}/{rng.randint(2019, 2025)}:"
            f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} {rng.choice(('+0000', '-0700', '+0100', '+0530'))}")


def uuid4(rng: random.Random) -> str:
    """A random UUID in canonical form."""
    h = rand_chars(rng, HEX, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}"


def version(rng: random.Random) -> str:
    """A software version string."""
    a, b, c = rng.randint(0, 12), rng.randint(0, 30), rng.randint(0, 99)
    return rng.choice((f"v{a}.{b}.{c}", f"{a}.{b}.{c}", f"{a}.{b}", f"v{a}.{b}.{c}-rc.{rng.randint(1, 5)}",
                       f"{a}.{b}.{c}-beta", f"{rng.randint(100, 130)}.0.{rng.randint(1000, 6999)}.{rng.randint(10, 200)}",
                       f"{2019 + a % 7}.{b % 12 + 1}.{c}"))


def user_agent(rng: random.Random) -> str:
    """A browser or client user-agent string."""
    chrome = f"{rng.randint(100, 130)}.0.{rng.randint(1000, 6999)}.{rng.randint(10, 200)}"
    return rng.choice((
        f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome} Safari/537.36",
        f"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.{rng.randint(0, 5)} Safari/605.1.15",
        f"Mozilla/5.0 (X11; Linux x86_64; rv:{rng.randint(100, 128)}.0) Gecko/20100101 Firefox/{rng.randint(100, 128)}.0",
        f"Mozilla/5.0 (iPhone; CPU iPhone OS 17_{rng.randint(0, 5)} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        f"curl/{rng.randint(7, 8)}.{rng.randint(0, 88)}.{rng.randint(0, 9)}", f"python-requests/2.{rng.randint(20, 32)}.{rng.randint(0, 3)}",
        f"okhttp/4.{rng.randint(0, 12)}.{rng.randint(0, 9)}", f"Go-http-client/{rng.choice(('1.1', '2.0'))}",
        f"kube-probe/1.{rng.randint(20, 30)}", f"PostmanRuntime/7.{rng.randint(20, 40)}.{rng.randint(0, 9)}",
    ))


def hostname(rng: random.Random) -> str:
    """An internal hostname."""
    svc = rng.choice(SERVICES)
    return rng.choice((
        f"{svc}-{rand_chars(rng, HEX, 4)}.prod.internal", f"ip-10-{rng.randint(0, 255)}-{rng.randint(0, 255)}-{rng.randint(1, 254)}.ec2.internal",
        f"web{rng.randint(1, 40):02d}", f"{svc}.{rng.choice(('svc.cluster.local', 'staging.local', 'corp.example.net'))}",
        f"db-{rng.choice(('primary', 'replica'))}-{rng.randint(0, 3)}", f"{svc}-{rand_chars(rng, HEX, 10)}-{rand_chars(rng, string.ascii_lowercase + string.digits, 5)}",
        f"api-{rand_chars(rng, HEX, 4)}.prod.internal", f"lb-{rng.randint(1, 9)}.{rng.choice(('eu-west-1', 'us-east-1', 'ap-south-1'))}.elb.amazonaws.com",
    ))


def order_number(rng: random.Random) -> str:
    """Order, ticket, invoice, case and tracking numbers."""
    return rng.choice((
        f"ORD-{rng.randint(2019, 2025)}-{rng.randint(100000, 999999)}", f"INC{rng.randint(0, 9999999):07d}",
        f"INV-{rng.randint(10000, 999999)}", f"#{rng.randint(10000, 9999999)}", f"CASE-{rng.randint(1000, 99999)}",
        f"TKT-{rng.randint(1000, 999999)}", f"PO{rng.randint(100000, 9999999)}", f"1Z{rand_chars(rng, string.ascii_uppercase + string.digits, 16)}",
        f"{rng.choice(('JIRA', 'OPS', 'SEC', 'PAY', 'SUP'))}-{rng.randint(10, 9999)}", f"RMA{rng.randint(100000, 999999)}",
        f"CHG{rng.randint(0, 9999999):07d}", f"REQ{rng.randint(0, 9999999):07d}", f"{rng.randint(100, 999)}-{rng.randint(1000000, 9999999)}-{rng.randint(1000000, 9999999)}",
    ))


def duration(rng: random.Random) -> str:
    """A duration as logs print it."""
    return rng.choice((f"{rng.randint(1, 999)}ms", f"{rng.uniform(0.01, 30):.2f}s", f"{rng.randint(1, 59)}m{rng.randint(0, 59)}s",
                       f"{rng.randint(1, 9999)} ms", f"{rng.uniform(0, 5):.3f}", f"{rng.randint(1, 120)}s"))


def _one(value: str) -> Pieces:
    return [(value, None)]


@slot("ts")
def slot_ts(ctx: Context, arg: str) -> Pieces:
    return _one(timestamp_iso(ctx.rng))


@slot("syslog_ts")
def slot_syslog_ts(ctx: Context, arg: str) -> Pieces:
    return _one(timestamp_syslog(ctx.rng))


@slot("clf_ts")
def slot_clf_ts(ctx: Context, arg: str) -> Pieces:
    return _one(timestamp_clf(ctx.rng))


@slot("epoch")
def slot_epoch(ctx: Context, arg: str) -> Pieces:
    secs = ctx.rng.randint(1_550_000_000, 1_760_000_000)
    return _one(str(secs * 1000 + ctx.rng.randint(0, 999)) if ctx.chance(0.6) else str(secs))


@slot("uuid")
def slot_uuid(ctx: Context, arg: str) -> Pieces:
    return _one(uuid4(ctx.rng))


@slot("md5")
def slot_md5(ctx: Context, arg: str) -> Pieces:
    return _one(rand_chars(ctx.rng, HEX, 32))


@slot("sha1")
def slot_sha1(ctx: Context, arg: str) -> Pieces:
    return _one(rand_chars(ctx.rng, HEX, 40))


@slot("sha256")
def slot_sha256(ctx: Context, arg: str) -> Pieces:
    return _one(rand_chars(ctx.rng, HEX, 64))


@slot("hash")
def slot_hash(ctx: Context, arg: str) -> Pieces:
    return _one(rand_chars(ctx.rng, HEX, ctx.rng.choice((32, 40, 64))))


@slot("gitsha")
def slot_gitsha(ctx: Context, arg: str) -> Pieces:
    return _one(rand_chars(ctx.rng, HEX, ctx.rng.choice((7, 7, 8, 12, 40))))


@slot("version")
def slot_version(ctx: Context, arg: str) -> Pieces:
    return _one(version(ctx.rng))


@slot("ua")
def slot_ua(ctx: Context, arg: str) -> Pieces:
    return _one(user_agent(ctx.rng))


@slot("order")
def slot_order(ctx: Context, arg: str) -> Pieces:
    return _one(order_number(ctx.rng))


@slot("port")
def slot_port(ctx: Context, arg: str) -> Pieces:
    return _one(str(ctx.rng.choice((22, 80, 443, 3306, 5432, 6379, 8080, 8443, 9092, 9200, 27017, ctx.rng.randint(1024, 65535)))))


@slot("host")
def slot_host(ctx: Context, arg: str) -> Pieces:
    return _one(hostname(ctx.rng))


@slot("path")
def slot_path(ctx: Context, arg: str) -> Pieces:
    return _one(ctx.rng.choice(FILE_PATHS))


@slot("urlpath")
def slot_urlpath(ctx: Context, arg: str) -> Pieces:
    path = ctx.rng.choice(URL_PATHS)
    if ctx.chance(0.25):
        path += f"?page={ctx.rng.randint(1, 40)}&limit={ctx.rng.choice((10, 20, 50, 100))}"
    return _one(path)


@slot("badcard")
def slot_badcard(ctx: Context, arg: str) -> Pieces:
    return _one(bad_card_number(ctx.rng))


@slot("reqid")
def slot_reqid(ctx: Context, arg: str) -> Pieces:
    rng = ctx.rng
    return _one(rng.choice((uuid4(rng), "req_" + rand_chars(rng, string.ascii_letters + string.digits, 20),
                            rand_chars(rng, HEX, 16), rand_chars(rng, HEX, 32), f"{rand_chars(rng, HEX, 8)}-{rng.randint(1, 99999)}")))


@slot("trace")
def slot_trace(ctx: Context, arg: str) -> Pieces:
    return _one(rand_chars(ctx.rng, HEX, 32))


@slot("product")
def slot_product(ctx: Context, arg: str) -> Pieces:
    return _one(ctx.rng.choice(PRODUCTS))


@slot("placeword")
def slot_placeword(ctx: Context, arg: str) -> Pieces:
    word = ctx.rng.choice(PLACE_WORDS)
    return _one(word.lower() if ctx.chance(0.3) else word)


@slot("duration")
def slot_duration(ctx: Context, arg: str) -> Pieces:
    return _one(duration(ctx.rng))


@slot("status")
def slot_status(ctx: Context, arg: str) -> Pieces:
    return _one(str(ctx.rng.choice(HTTP_STATUS)))


@slot("bytes")
def slot_bytes(ctx: Context, arg: str) -> Pieces:
    return _one(str(ctx.rng.choice((0, ctx.rng.randint(100, 99999), ctx.rng.randint(100000, 99999999)))))


@slot("num")
def slot_num(ctx: Context, arg: str) -> Pieces:
    return _one(str(ctx.rng.randint(1, 999)))


@slot("pid")
def slot_pid(ctx: Context, arg: str) -> Pieces:
    return _one(str(ctx.rng.randint(100, 65535)))


@slot("level")
def slot_level(ctx: Context, arg: str) -> Pieces:
    return _one(ctx.rng.choice(LEVELS))


@slot("method")
def slot_method(ctx: Context, arg: str) -> Pieces:
    return _one(ctx.rng.choice(METHODS))


@slot("service")
def slot_service(ctx: Context, arg: str) -> Pieces:
    return _one(ctx.rng.choice(SERVICES))


@slot("pod")
def slot_pod(ctx: Context, arg: str) -> Pieces:
    rng = ctx.rng
    return _one(f"{rng.choice(SERVICES)}-{rand_chars(rng, HEX, 10)}-{rand_chars(rng, string.ascii_lowercase + string.digits, 5)}")


@slot("container")
def slot_container(ctx: Context, arg: str) -> Pieces:
    return _one(rand_chars(ctx.rng, HEX, 12))


@slot("amount")
def slot_amount(ctx: Context, arg: str) -> Pieces:
    rng = ctx.rng
    value = rng.uniform(1, 4999)
    return _one(rng.choice((f"${value:,.2f}", f"€{value:.2f}", f"£{value:.2f}", f"{value:.2f} EUR", f"USD {value:.2f}", f"{value:.2f}")))


@slot("percent")
def slot_percent(ctx: Context, arg: str) -> Pieces:
    return _one(f"{ctx.rng.uniform(0, 100):.{ctx.rng.choice((0, 1, 2))}f}%")


@slot("errcode")
def slot_errcode(ctx: Context, arg: str) -> Pieces:
    rng = ctx.rng
    return _one(rng.choice(("ECONNRESET", "ETIMEDOUT", "ECONNREFUSED", "ERR_SSL_PROTOCOL", f"E{rng.randint(1000, 9999)}",
                            f"0x{rand_chars(rng, HEX.upper(), 8)}", "ENOSPC", "EACCES", "SQLSTATE 23505", "ORA-00942")))


@slot("sku")
def slot_sku(ctx: Context, arg: str) -> Pieces:
    rng = ctx.rng
    return _one(rng.choice((f"SKU-{rand_chars(rng, string.ascii_uppercase, 3)}-{rng.randint(1000, 99999)}", f"B0{rand_chars(rng, string.ascii_uppercase + string.digits, 8)}",
                            f"{rng.randint(100000000000, 999999999999)}")))


@slot("redacted")
def slot_redacted(ctx: Context, arg: str) -> Pieces:
    return _one(ctx.rng.choice(("[REDACTED]", "********", "***", "<redacted>", "[FILTERED]", "xxxx", "<hidden>", "null", '""', "[MASKED]")))


@slot("nameword")
def slot_nameword(ctx: Context, arg: str) -> Pieces:
    return _one(ctx.rng.choice(ORDINARY_NAME_WORDS))


@slot("month")
def slot_month(ctx: Context, arg: str) -> Pieces:
    """A bare month in a product or season phrase ("the June release"): not tied to a person."""
    return _one(ctx.rng.choice(MONTHS))


@slot("year")
def slot_year(ctx: Context, arg: str) -> Pieces:
    return _one(str(ctx.rng.randint(2015, 2026)))


@slot("kb")
def slot_kb(ctx: Context, arg: str) -> Pieces:
    rng = ctx.rng
    return _one(rng.choice((f"KB{rng.randint(4000000, 5999999)}", f"CVE-{rng.randint(2018, 2025)}-{rng.randint(1000, 49999)}",
                            f"RFC {rng.randint(791, 9999)}", f"ISO {rng.choice((9001, 27001, 8601, 3166, 4217))}")))


@slot("serial")
def slot_serial(ctx: Context, arg: str) -> Pieces:
    """A device serial number or asset tag (not a person's identifier)."""
    rng = ctx.rng
    return _one(rng.choice((f"SN{rand_chars(rng, string.ascii_uppercase + string.digits, 10)}",
                            f"C02{rand_chars(rng, string.ascii_uppercase + string.digits, 8)}",
                            f"ASSET-{rng.randint(10000, 99999)}")))


SYSTEM_USERS: Tuple[str, ...] = (
    "root", "postgres", "www-data", "nobody", "ci", "app_rw", "deploy", "jenkins", "svc_backup",
    "admin", "nginx", "mysql", "git", "ubuntu", "ec2-user", "daemon", "reporting", "sa",
)


@slot("sysuser")
def slot_sysuser(ctx: Context, arg: str) -> Pieces:
    """A system or service account: not a person's username."""
    return _one(ctx.rng.choice(SYSTEM_USERS))


@slot("loopback")
def slot_loopback(ctx: Context, arg: str) -> Pieces:
    """Loopback and wildcard addresses: not a client or host address."""
    return _one(ctx.rng.choice(("127.0.0.1", "0.0.0.0", "::1", "localhost", "[::]")))


@slot("cidr")
def slot_cidr(ctx: Context, arg: str) -> Pieces:
    """Network ranges and netmasks."""
    rng = ctx.rng
    return _one(rng.choice((f"10.{rng.randint(0, 255)}.0.0/16", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
                            f"192.168.{rng.randint(0, 255)}.0/24", "255.255.255.0", "255.255.0.0", "0.0.0.0/0", "fd00::/8")))


@slot("bic")
def slot_bic(ctx: Context, arg: str) -> Pieces:
    """A BIC/SWIFT code: identifies a bank, not a person."""
    return _one(str(ctx.fake().swift(length=ctx.rng.choice((8, 11)))))


@slot("empid")
def slot_empid(ctx: Context, arg: str) -> Pieces:
    """Employee, customer and patient numbers: identifiers outside the label scheme."""
    rng = ctx.rng
    return _one(rng.choice((f"E{rng.randint(10000, 99999)}", f"EMP-{rng.randint(1, 9999):04d}", f"MRN {rng.randint(0, 99999999):08d}",
                            f"{rng.randint(100000, 9999999)}", f"CUST-{rng.randint(10000, 999999)}", f"A{rng.randint(100000, 999999)}")))


@slot("sshkey")
def slot_sshkey(ctx: Context, arg: str) -> Pieces:
    """A public key line with its `user@host` comment: public, and the comment is no e-mail."""
    rng = ctx.rng
    body = "AAAAC3NzaC1lZDI1NTE5AAAAI" + rand_chars(rng, string.ascii_letters + string.digits + "+/", 43)
    return _one(f"ssh-ed25519 {body} {rng.choice(SYSTEM_USERS)}@{hostname(rng).split('.')[0]}")


@slot("fingerprint")
def slot_fingerprint(ctx: Context, arg: str) -> Pieces:
    """A public-key fingerprint."""
    return _one("SHA256:" + rand_chars(ctx.rng, string.ascii_letters + string.digits + "+/", 43))


@slot("plaindate")
def slot_plaindate(ctx: Context, arg: str) -> Pieces:
    """The date of an impersonal event (a release, a closure, a maintenance window)."""
    return _one(event_date(ctx.rng))


# --- prose hard negatives -----------------------------------------------------------------

HOLIDAYS: Tuple[str, ...] = (
    "Christmas", "Christmas Eve", "Christmas Day", "Boxing Day", "New Year's Day", "New Year's Eve",
    "Easter", "Easter Monday", "Good Friday", "Thanksgiving", "Labor Day", "Labour Day",
    "Memorial Day", "Independence Day", "the Fourth of July", "Veterans Day", "Presidents' Day",
    "Juneteenth", "Halloween", "Valentine's Day", "St Patrick's Day", "St. Patrick's Day",
    "Mother's Day", "Father's Day", "Diwali", "Holi", "Eid", "Eid al-Fitr", "Eid al-Adha",
    "Ramadan", "Hanukkah", "Yom Kippur", "Rosh Hashanah", "Passover", "Lunar New Year",
    "Chinese New Year", "Bastille Day", "Canada Day", "Australia Day", "Anzac Day",
    "King's Birthday", "May Day", "Whit Monday", "Pentecost", "Heritage Day", "Republic Day",
    "Martin Luther King Jr. Day", "Remembrance Day", "Carnival", "Oktoberfest", "Black Friday",
    "Cyber Monday", "the summer bank holiday", "the August bank holiday", "Midsummer",
)


@slot("holiday")
def slot_holiday(ctx: Context, arg: str) -> Pieces:
    """A named holiday or festival: a day of the calendar, not a date tied to a person."""
    return _one(ctx.rng.choice(HOLIDAYS))


@slot("statute")
def slot_statute(ctx: Context, arg: str) -> Pieces:
    """A statute, section, rule or regulation number (looks like a phone or an ID, is neither)."""
    rng = ctx.rng
    a, b, c = rng.randint(1, 60), rng.randint(1, 2999), rng.randint(1, 40)
    return _one(rng.choice((
        f"{a} U.S.C. § {b}", f"Section {c}({rng.randint(1, 9)})({rng.choice('abcdef')})",
        f"Rule {c}(b)({rng.randint(1, 7)})", f"s. {c} of the Act", f"Article {c}({rng.randint(1, 4)})({rng.choice('abcdef')})",
        f"§ {rng.randint(100, 999)}.{rng.randint(1, 99):02d}", f"45 CFR {rng.randint(100, 199)}.{rng.randint(100, 599)}",
        f"Regulation (EU) {rng.randint(2010, 2024)}/{rng.randint(100, 2999)}", f"paragraph {c}.{rng.randint(1, 9)}",
        f"Schedule {rng.randint(1, 12)}, paragraph {c}", f"Directive {rng.randint(1995, 2022)}/{rng.randint(10, 99)}/EC",
        f"Cal. Penal Code § {rng.randint(100, 999)}", f"section {b}-{rng.randint(10, 999)}", f"Title {rng.choice(('VII', 'IX', 'II'))}",
        f"Case C-{rng.randint(100, 700)}/{rng.randint(10, 23)}", f"[{rng.randint(1990, 2024)}] UKSC {rng.randint(1, 60)}",
    )))


@slot("dotted")
def slot_dotted(ctx: Context, arg: str) -> Pieces:
    """A dotted number that is not an IP address: section, clause, firmware, OID, score."""
    rng = ctx.rng
    return _one(rng.choice((
        ".".join(str(rng.randint(1, 12)) for _ in range(rng.randint(3, 4))),
        f"{rng.randint(1, 12)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 99)}",
        f"1.3.6.1.4.1.{rng.randint(1000, 60000)}", f"{rng.randint(1, 4)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}",
        f"{rng.randint(1, 31):02d}.{rng.randint(1, 12):02d}.{rng.randint(10, 99)}",
    )))


@slot("countdown")
def slot_countdown(ctx: Context, arg: str) -> Pieces:
    """A spelled-out or numeric countdown ("ten, nine, eight ... one", "5-4-3-2-1")."""
    rng = ctx.rng
    start = rng.randint(3, 10)
    nums = list(range(start, 0, -1))
    words = [number_words(n) for n in nums] if rng.random() < 0.6 else [str(n) for n in nums]
    sep = rng.choice((", ", " ", "... ", "-", " . "))
    if sep == "-" and not words[0].isdigit():
        sep = ", "
    text = sep.join(words)
    return _one(text.capitalize() if rng.random() < 0.5 else text)


@slot("natthing")
def slot_nationality_thing(ctx: Context, arg: str) -> Pieces:
    """A nationality or religion word describing a thing, not a person ("Italian food")."""
    rng = ctx.rng
    word = rng.choice(NATIONALITIES[:60]) if rng.random() < 0.8 else rng.choice(("Catholic", "Christian", "Jewish", "Islamic", "Buddhist", "Hindu"))
    thing = rng.choice((
        "food", "cuisine", "restaurant", "economy", "government", "election", "wine", "cheese",
        "border", "coast", "football team", "market", "recipe", "film industry", "architecture",
        "embassy", "parliament", "exports", "currency", "weather", "schools", "charity", "holidays",
        "bakery", "language course", "design", "banks", "press",
    ))
    return _one(f"{word} {thing}")


@slot("objage")
def slot_object_age(ctx: Context, arg: str) -> Pieces:
    """The age of a thing or an animal, with its article ("a 5-year-old laptop", "an 80-year-old bridge")."""
    rng = ctx.rng
    n = rng.randint(2, 150)
    thing = rng.choice(("laptop", "car", "bridge", "building", "boiler", "collie", "kitten", "server", "roof",
                        "oak tree", "house", "ferry", "printer", "mare", "spaniel", "cat", "phone", "tradition"))
    age = f"{n}-year-old" if rng.random() < 0.6 else f"{n} {rng.choice(('years', 'days', 'weeks'))} old"
    return _one(f"{indefinite_article(age)}{age} {thing}")


@slot("duration_yrs")
def slot_duration_years(ctx: Context, arg: str) -> Pieces:
    """A span of time that is not an age ("8 years of experience", "a 30-year mortgage")."""
    rng = ctx.rng
    n = rng.randint(2, 40)
    a = indefinite_article(str(n))
    return _one(rng.choice((
        f"{n} years of experience", f"{n}+ years of experience", f"{a}{n}-year mortgage",
        f"{a}{n}-year contract", f"{n} years in the industry", f"{n} years ago", f"{a}{n}-month warranty",
        f"{n} days old build", f"{n} weeks of leave", f"the {n}-year plan", f"{n} years of service",
        f"version {n}", f"{n} years after the merger", f"for {n} years", f"ages {n} and up",
        f"people aged {n} to {n + rng.randint(5, 20)}", f"the over-{n}s", f"{n}th anniversary",
    )))

