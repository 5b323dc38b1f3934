"""System logs: the line formats of real infrastructure, written from knowledge of the formats
(no public log dataset was copied; those stay held out for independent measurement).

Families: JVM services (log4j, Zookeeper, Hadoop MapReduce/YARN, HDFS, Spark), OpenStack,
Android logcat, Linux kernel and syslog, OpenSSH/PAM auth, Apache and nginx error logs,
Windows CBS, supercomputer RAS, macOS, proxies (Proxifier-like) and ntp.

Most lines carry no PII at all: class and method names, `Class$Inner@hash`, thread names,
block and container ids, node names (`R36-M1-N8-C:J15-U01`), hosts, pids, versions, hex ids
and machine timestamps (never DATE_TIME, `Sun` in them is no LOCATION) are unlabelled hard
negatives. What these systems really carry is labelled: client and host IPs, login names in
auth lines, the occasional e-mail address or person.
"""
import random
import string
from typing import Dict, List, Sequence, Tuple

from ..core import Builder, Context, Pieces, Template, slot
from ..negatives import HEX, SYSTEM_USERS
from ..providers import rand_chars
from . import logs  # noqa: F401  (registers the encoded-value and referer slots used here)
from .base import GenreSpec, Source, join, make_templates

NAME = "syslog"

# Share of further lines of a PII-carrying document that carry PII (one is always forced):
# with the generator's 32% PII-free documents this leaves ~70% of lines without PII.
POS_LINE_SHARE = 0.3
MIN_LINES, MAX_LINES = 2, 8

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_ALNUM_LOWER = string.ascii_lowercase + string.digits


def _one(value: str) -> Pieces:
    return [(value, None)]


# --- machine timestamps (unlabelled) -------------------------------------------------------


@slot("sy_yymmdd")
def slot_yymmdd(ctx: Context, arg: str) -> Pieces:
    """HDFS-style `081111 084233` (yymmdd HHMMSS)."""
    r = ctx.rng
    return _one(f"{r.randint(5, 24):02d}{r.randint(1, 12):02d}{r.randint(1, 28):02d} "
                f"{r.randint(0, 23):02d}{r.randint(0, 59):02d}{r.randint(0, 59):02d}")


@slot("sy_log4j")
def slot_log4j(ctx: Context, arg: str) -> Pieces:
    """log4j's `2015-10-18 18:01:47,978`."""
    r = ctx.rng
    return _one(f"{r.randint(2012, 2025)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d} "
                f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d},{r.randint(0, 999):03d}")


@slot("sy_spark")
def slot_spark_ts(ctx: Context, arg: str) -> Pieces:
    """Spark's `17/06/09 20:10:40`."""
    r = ctx.rng
    return _one(f"{r.randint(14, 25):02d}/{r.randint(1, 12):02d}/{r.randint(1, 28):02d} "
                f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}")


@slot("sy_isoms")
def slot_iso_millis(ctx: Context, arg: str) -> Pieces:
    """OpenStack's `2017-05-16 00:00:00.008`."""
    r = ctx.rng
    return _one(f"{r.randint(2015, 2025)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d} "
                f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}.{r.randint(0, 999):03d}")


@slot("sy_osfile")
def slot_openstack_file(ctx: Context, arg: str) -> Pieces:
    """The rotated file name some collectors prepend: `nova-compute.log.1.2017-05-16_13:55:31`."""
    r = ctx.rng
    svc = r.choice(("nova-compute", "nova-api", "nova-scheduler", "neutron-server", "cinder-volume",
                    "glance-api", "keystone"))
    return _one(f"{svc}.log.{r.randint(1, 5)}.{r.randint(2015, 2025)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}_"
                f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}")


@slot("sy_logcat")
def slot_logcat_ts(ctx: Context, arg: str) -> Pieces:
    """Android logcat's `03-17 16:13:38.811  1702  2395` (date, time, pid, tid)."""
    r = ctx.rng
    pid = r.randint(300, 32000)
    tid = pid if r.random() < 0.3 else r.randint(300, 32000)
    return _one(f"{r.randint(1, 12):02d}-{r.randint(1, 28):02d} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}:"
                f"{r.randint(0, 59):02d}.{r.randint(0, 999):03d} {pid:5d} {tid:5d}")


@slot("sy_ctime")
def slot_ctime(ctx: Context, arg: str) -> Pieces:
    """ctime-style `Sun Dec 04 04:47:44 2005` (Apache error log, ftpd)."""
    r = ctx.rng
    return _one(f"{r.choice(DAYS)} {r.choice(MONTHS)} {r.randint(1, 28):02d} {r.randint(0, 23):02d}:"
                f"{r.randint(0, 59):02d}:{r.randint(0, 59):02d} {r.randint(2003, 2025)}")


@slot("sy_ctime24")
def slot_ctime_micro(ctx: Context, arg: str) -> Pieces:
    """Apache 2.4's `Wed Oct 11 14:32:52.123456 2023`."""
    r = ctx.rng
    return _one(f"{r.choice(DAYS)} {r.choice(MONTHS)} {r.randint(1, 28):02d} {r.randint(0, 23):02d}:"
                f"{r.randint(0, 59):02d}:{r.randint(0, 59):02d}.{r.randint(0, 999999):06d} {r.randint(2012, 2025)}")


@slot("sy_syslog")
def slot_syslog_ts(ctx: Context, arg: str) -> Pieces:
    """BSD syslog `Jun  4 15:16:01` (a space-padded day, as syslogd writes it)."""
    r = ctx.rng
    return _one(f"{r.choice(MONTHS)} {r.randint(1, 28):2d} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}")


@slot("sy_nginxts")
def slot_nginx_ts(ctx: Context, arg: str) -> Pieces:
    """nginx error log `2023/04/01 12:00:00`."""
    r = ctx.rng
    return _one(f"{r.randint(2016, 2025)}/{r.randint(1, 12):02d}/{r.randint(1, 28):02d} "
                f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}")


@slot("sy_cbsts")
def slot_cbs_ts(ctx: Context, arg: str) -> Pieces:
    """Windows CBS `2016-09-28 04:30:30,` (the comma belongs to the format)."""
    r = ctx.rng
    return _one(f"{r.randint(2010, 2024)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d} "
                f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d},")


@slot("sy_csits")
def slot_csi_ts(ctx: Context, arg: str) -> Pieces:
    """CSI's `00000001@2016/9/27:20:30:31.455`."""
    r = ctx.rng
    return _one(f"{r.randint(1, 0xFFFF):08x}@{r.randint(2010, 2024)}/{r.randint(1, 12)}/{r.randint(1, 28)}:"
                f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}.{r.randint(0, 999):03d}")


def _node(r: random.Random) -> str:
    """A Blue Gene-style location: rack, midplane, node card, card, jtag (`R02-M1-N0-C:J12-U11`)."""
    base = f"R{r.randint(0, 77):02d}-M{r.randint(0, 1)}-N{r.choice('0123456789ABCDEF')}"
    kind = r.random()
    if kind < 0.6:
        return f"{base}-C:J{r.randint(2, 17):02d}-U{r.choice(('01', '11'))}"
    if kind < 0.8:
        return f"{base}-I:J18-U{r.choice(('01', '11'))}"
    return base


@slot("sy_small")
def slot_small(ctx: Context, arg: str) -> Pieces:
    """A small count (stratum, tty, partition, responder number)."""
    return _one(str(ctx.rng.randint(0, 15)))


@slot("sy_hms")
def slot_hms(ctx: Context, arg: str) -> Pieces:
    """A time of day with milliseconds (`09:07:23.498`), as some daemons prefix messages."""
    r = ctx.rng
    return _one(f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}.{r.randint(0, 999):03d}")


@slot("sy_node")
def slot_node(ctx: Context, arg: str) -> Pieces:
    return _one(_node(ctx.rng))


@slot("sy_ras")
def slot_ras_prefix(ctx: Context, arg: str) -> Pieces:
    """The RAS prefix: alert tag, epoch, date, node, microsecond time, node again."""
    r = ctx.rng
    year, month, day = r.randint(2004, 2008), r.randint(1, 12), r.randint(1, 28)
    node = _node(r)
    tag = "-" if r.random() < 0.85 else r.choice(("KERNDTLB", "APPREAD", "KERNSTOR", "MONILL", "KERNMNTF"))
    return _one(f"{tag} {r.randint(1117000000, 1136000000)} {year}.{month:02d}.{day:02d} {node} "
                f"{year}-{month:02d}-{day:02d}-{r.randint(0, 23):02d}.{r.randint(0, 59):02d}.{r.randint(0, 59):02d}."
                f"{r.randint(0, 999999):06d} {node}")


@slot("sy_proxyts")
def slot_proxy_ts(ctx: Context, arg: str) -> Pieces:
    """Proxifier-like `[10.30 16:49:06]` (month.day)."""
    r = ctx.rng
    return _one(f"[{r.randint(1, 12)}.{r.randint(1, 30):02d} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}]")


# --- JVM names and ids (unlabelled) ------------------------------------------------------

_JPKG = (
    "org.apache.hadoop.hdfs.server.datanode", "org.apache.hadoop.mapreduce.v2.app", "org.apache.hadoop.yarn.client",
    "org.apache.hadoop.ipc", "org.apache.zookeeper.server", "org.apache.zookeeper.server.quorum",
    "org.apache.spark.scheduler", "org.apache.spark.storage", "org.apache.kafka.clients.consumer.internals",
    "org.springframework.web.servlet", "org.hibernate.engine.jdbc.spi", "com.zaxxer.hikari.pool",
    "io.netty.channel", "org.eclipse.jetty.server", "com.example.billing.service", "com.acme.inventory.sync",
    "org.elasticsearch.cluster.service", "org.apache.catalina.core", "io.grpc.internal",
)
_JCLASS = (
    "DataNode", "PacketResponder", "DataXceiver", "FSNamesystem", "MRAppMaster", "RMContainerAllocator",
    "TaskAttemptImpl", "Client", "Server", "QuorumCnxManager", "FastLeaderElection", "NIOServerCnxn",
    "NIOServerCnxnFactory", "Learner", "DAGScheduler", "TaskSetManager", "BlockManager", "MemoryStore",
    "ConsumerCoordinator", "DispatcherServlet", "SqlExceptionHelper", "HikariPool", "AbstractChannel",
    "ServerConnector", "InvoiceScheduler", "StockLevelSync", "MasterService", "StandardWrapperValve",
    "ManagedChannelImpl", "HeartbeatThread", "LeaseRenewer", "ContainerLauncherImpl", "SyncRequestProcessor",
)
_JINNER = ("SendWorker", "RecvWorker", "Listener", "Reader", "Responder", "Handler", "EventProcessor",
           "Worker", "PacketResponder", "DataStreamer", "Sync", "Connection", "1", "2")
_JMETHOD = (
    "run", "call", "process", "handle", "receiveBlock", "sendHeartbeat", "offerService", "connectToLeader",
    "lookForLeader", "doIO", "processMessage", "allocate", "heartbeat", "submitStage", "resourceOffer",
    "getConnection", "doDispatch", "invoke", "onComplete", "closeQuietly", "poll", "commitSync",
    "renew", "launch", "flush", "recalculateTotals", "computeIfAbsent", "accept",
)


def _jclass(r: random.Random) -> str:
    return f"{r.choice(_JPKG)}.{r.choice(_JCLASS)}"


@slot("sy_jclass")
def slot_jclass(ctx: Context, arg: str) -> Pieces:
    """A fully qualified class name, sometimes with an inner class (`...Client$Connection`)."""
    r = ctx.rng
    name = _jclass(r)
    return _one(name + (f"${r.choice(_JINNER)}" if r.random() < 0.3 else ""))


@slot("sy_jshort")
def slot_jshort(ctx: Context, arg: str) -> Pieces:
    """A class name with its last package, `dfs.DataNode$PacketResponder` style."""
    r = ctx.rng
    pkg = r.choice(("dfs", "ipc", "mapred", "server", "quorum", "storage", "scheduler", "pool", "core"))
    return _one(f"{pkg}.{r.choice(_JCLASS)}" + (f"${r.choice(_JINNER)}" if r.random() < 0.4 else ""))


@slot("sy_jinner")
def slot_jinner(ctx: Context, arg: str) -> Pieces:
    """`Class$Inner@1a2b3c` or `Class@679` (an identity hash or a source line)."""
    r = ctx.rng
    name = r.choice(_JCLASS) + (f"${r.choice(_JINNER)}" if r.random() < 0.5 else "")
    tail = rand_chars(r, HEX, r.randint(5, 8)) if r.random() < 0.5 else str(r.randint(30, 1200))
    return _one(f"{name}@{tail}")


@slot("sy_jmethod")
def slot_jmethod(ctx: Context, arg: str) -> Pieces:
    return _one(ctx.rng.choice(_JMETHOD))


@slot("sy_thread")
def slot_thread(ctx: Context, arg: str) -> Pieces:
    """A thread name as log4j prints it between brackets (without the brackets)."""
    r = ctx.rng
    return _one(r.choice((
        f"pool-{r.randint(1, 9)}-thread-{r.randint(1, 64)}", "main", f"IPC Server handler {r.randint(0, 49)} on {r.choice((8020, 8030, 9000))}",
        f"http-nio-8080-exec-{r.randint(1, 200)}", "RMCommunicator Allocator", f"Executor task launch worker for task {r.randint(0, 9999)}",
        "AsyncDispatcher event handler", f"ContainerLauncher #{r.randint(0, 9)}", "LeaderElector", "SyncThread:0",
        f"ForkJoinPool.commonPool-worker-{r.randint(1, 15)}", "kafka-coordinator-heartbeat-thread | orders",
        f"QuorumPeer[myid={r.randint(1, 5)}]/0.0.0.0:2181", f"NIOServerCxn.Factory:0.0.0.0/0.0.0.0:{r.choice((2181, 2182))}",
        f"scheduling-{r.randint(1, 4)}", "HikariPool-1 housekeeper", f"grpc-default-executor-{r.randint(0, 30)}",
    )))


@slot("sy_blk")
def slot_blk(ctx: Context, arg: str) -> Pieces:
    """An HDFS block id: `blk_` and a signed 64-bit number (looks like a card or an IBAN; is neither)."""
    r = ctx.rng
    return _one(f"blk_{'-' if r.random() < 0.5 else ''}{r.randint(10 ** 17, 9 * 10 ** 18)}")


def _cluster_ts(r: random.Random) -> str:
    return str(r.randint(1400000000000, 1700000000000))


@slot("sy_container")
def slot_container(ctx: Context, arg: str) -> Pieces:
    """YARN ids: container, application, attempt and job ids."""
    r = ctx.rng
    ts, app = _cluster_ts(r), r.randint(1, 9999)
    return _one(r.choice((
        f"container_{ts}_{app:04d}_01_{r.randint(1, 99):06d}", f"application_{ts}_{app:04d}",
        f"attempt_{ts}_{app:04d}_{r.choice('mr')}_{r.randint(0, 999):06d}_{r.randint(0, 3)}",
        f"appattempt_{ts}_{app:04d}_{r.randint(1, 3):06d}", f"job_{ts}_{app:04d}",
    )))


@slot("sy_hex")
def slot_hex(ctx: Context, arg: str) -> Pieces:
    """A hex id of a given length (default 32: OpenStack project, user and image ids)."""
    n = int(arg) if arg.isdigit() else 32
    return _one(rand_chars(ctx.rng, HEX, n))


@slot("sy_uuid")
def slot_sy_uuid(ctx: Context, arg: str) -> Pieces:
    r = ctx.rng
    return _one("-".join(rand_chars(r, HEX, n) for n in (8, 4, 4, 4, 12)))


@slot("sy_float")
def slot_float(ctx: Context, arg: str) -> Pieces:
    """A duration in seconds with many decimals (`0.2477829`): no phone number."""
    r = ctx.rng
    return _one(f"{r.randint(0, 3)}.{r.randint(0, 9999999):07d}")


@slot("sy_androidtag")
def slot_android_tag(ctx: Context, arg: str) -> Pieces:
    return _one(ctx.rng.choice((
        "WindowManager", "ActivityManager", "PowerManagerService", "AlarmManager", "InputReader",
        "DisplayPowerController", "WifiStateMachine", "ConnectivityService", "PackageManager", "BatteryService",
        "SurfaceFlinger", "chatty", "AudioFlinger", "KeyguardUpdateMonitor", "NotificationService",
        "PhoneStatusBar", "StepCounter", "HwBinderProxy", "SendBroadcastPermission", "dalvikvm",
    )))


@slot("sy_apkpkg")
def slot_apk_package(ctx: Context, arg: str) -> Pieces:
    return _one(ctx.rng.choice((
        "com.android.systemui", "com.google.android.gms", "com.example.fitness", "com.android.settings",
        "com.android.phone", "com.example.mail", "com.android.launcher3", "com.example.wallet.app",
        "com.android.chrome", "com.example.weather.widget",
    )))


@slot("sy_machost")
def slot_mac_host(ctx: Context, arg: str) -> Pieces:
    """A Mac's DHCP-derived or office host name."""
    r = ctx.rng
    return _one(r.choice((
        f"wlan-{r.randint(10, 172)}-{r.randint(0, 255)}-{r.randint(0, 255)}-{r.randint(1, 254)}", "MacBook-Pro",
        f"mbp-{rand_chars(r, _ALNUM_LOWER, 6)}", f"imac-lab-{r.randint(1, 40):02d}", "localhost",
        f"office-{r.randint(100, 999)}-mac",
    )))


@slot("sy_exe")
def slot_exe(ctx: Context, arg: str) -> Pieces:
    return _one(ctx.rng.choice((
        "chrome.exe", "firefox.exe", "Teams.exe", "OneDrive.exe", "svchost.exe *64", "outlook.exe",
        "Dropbox.exe", "git-remote-https.exe", "WeChat.exe", "Code.exe", "slack.exe", "iexplore.exe",
    )))


@slot("sy_proxy")
def slot_proxy(ctx: Context, arg: str) -> Pieces:
    r = ctx.rng
    return _one(f"{r.choice(('proxy', 'gw', 'webproxy', 'squid'))}.{r.choice(('corp.example.net', 'campus.example.edu', 'lan'))}"
                f":{r.choice((3128, 8080, 5070, 1080))}")


@slot("sy_dest")
def slot_dest(ctx: Context, arg: str) -> Pieces:
    """A destination host:port a client opens (a service, not a person)."""
    r = ctx.rng
    return _one(f"{r.choice(('web.example.com', 'update.example.org', 'cdn.examplecdn.net', 'mail.example.com', 'api.example.io', 'clients4.example.com', 'login.example.com', 'static.example.net'))}"
                f":{r.choice((443, 443, 80, 993, 5228))}")


@slot("sy_kver")
def slot_kernel_version(ctx: Context, arg: str) -> Pieces:
    r = ctx.rng
    return _one(f"{r.randint(2, 6)}.{r.randint(0, 19)}.{r.randint(0, 200)}-{r.randint(1, 120)}-{r.choice(('generic', 'amd64', 'el7.x86_64', 'aws'))}")


@slot("sy_winver")
def slot_win_version(ctx: Context, arg: str) -> Pieces:
    r = ctx.rng
    return _one(f"{r.choice(('6.1', '6.3', '10.0'))}.{r.randint(7600, 22631)}.{r.randint(16384, 24000)}")


@slot("sy_winpkg")
def slot_win_package(ctx: Context, arg: str) -> Pieces:
    """A servicing package identity: `Package_for_KB2976978~31bf3856ad364e35~amd64~~6.1.1.3`."""
    r = ctx.rng
    return _one(f"Package_{r.choice(('for_KB', 'for_RollupFix', '1_for_KB', '2_for_KB'))}{r.randint(2000000, 5999999)}"
                f"~31bf3856ad364e35~{r.choice(('amd64', 'x86', 'wow64'))}~~{r.randint(6, 10)}.{r.randint(0, 3)}.{r.randint(1, 9)}.{r.randint(0, 20)}")


@slot("sy_sysuser")
def slot_sy_sysuser(ctx: Context, arg: str) -> Pieces:
    """A system account in an auth line (root, nobody, daemon): not a person's login."""
    return _one(ctx.rng.choice(SYSTEM_USERS))


@slot("sy_rhost")
def slot_rhost(ctx: Context, arg: str) -> Pieces:
    """A reverse-DNS client host name: names a provider's pool, not a person."""
    r = ctx.rng
    a, b, c, d = (r.randint(1, 254) for _ in range(4))
    return _one(r.choice((f"{a}-{b}-{c}-{d}.dyn.example-isp.net", f"host{a}.pool.example.com", f"ppp-{a}-{b}.adsl.example.org",
                          f"static-{a}-{b}-{c}-{d}.example.net")))


# --- stack traces ------------------------------------------------------------------------

_EXCEPTIONS = (
    "java.io.IOException: Connection reset by peer", "java.net.SocketTimeoutException: Read timed out",
    "java.lang.NullPointerException", "java.io.EOFException: End of File Exception between local host and remote host",
    "org.apache.zookeeper.KeeperException$ConnectionLossException: KeeperErrorCode = ConnectionLoss",
    "java.util.concurrent.TimeoutException: Futures timed out after [120 seconds]",
    "java.lang.InterruptedException", "java.nio.channels.ClosedChannelException",
    "org.apache.hadoop.ipc.RemoteException(java.io.FileNotFoundException): File does not exist",
    "java.lang.IllegalStateException: Shutdown in progress", "java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available",
)


def _frame(r: random.Random) -> str:
    cls = _jclass(r)
    simple = cls.rsplit(".", 1)[1]
    if r.random() < 0.1:
        return f"\tat {cls}.{r.choice(_JMETHOD)}(Native Method)"
    return f"\tat {cls}{'$' + r.choice(_JINNER) if r.random() < 0.25 else ''}.{r.choice(_JMETHOD)}({simple}.java:{r.randint(30, 2400)})"


def stack_trace(ctx: Context, builder: Builder) -> None:
    """An exception with 2-7 frames, sometimes a `Caused by:` and `... N more`."""
    r = ctx.rng
    lines = [r.choice(_EXCEPTIONS)] + [_frame(r) for _ in range(r.randint(2, 7))]
    if r.random() < 0.35:
        lines.append(f"Caused by: {r.choice(_EXCEPTIONS)}")
        lines += [_frame(r) for _ in range(r.randint(1, 3))]
        lines.append(f"\t... {r.randint(3, 40)} more")
    builder.text("\n".join(lines))


# --- the families ---------------------------------------------------------------------------

L4J = "{sy_log4j} {level} [{sy_thread}] {sy_jclass}: "
ZK = "{sy_log4j} - {level}  [{sy_thread}:{sy_jinner}] - "
HD = "{sy_yymmdd} {pid} INFO {sy_jshort}: "
SP = "{sy_spark} {level} {sy_jshort}: "
OS = "{sy_osfile} {sy_isoms} {pid} {level} "
REQ = "[req-{sy_uuid} {sy_hex} {sy_hex} - - -]"
REQ0 = "[req-{sy_uuid} - - - - -]"
AN = "{sy_logcat} "
SYS = "{sy_syslog} {host} "
MAC = "{sy_syslog} {sy_machost} "

# family -> (PII-carrying templates, PII-free templates); a template is a format string or a
# (function, labels) pair.
FamilySources = Tuple[Sequence[Source], Sequence[Source]]
FAMILIES: Dict[str, FamilySources] = {
    "jvm": (
        [
            L4J + "Sending password reset mail to {email}",
            L4J + "Authenticated user {user} from {ip}",
            "{sy_log4j} {level} [http-nio-8080-exec-{num}] {sy_jclass}: Updated contact {fullname} (id={num})",
            L4J + "Rejected connection from {ip}:{port}: too many open sessions",
            L4J + "Login failed for user '{user}': bad credentials",
        ],
        [
            L4J + "Starting {sy_jmethod} for {sy_container}",
            L4J + "{sy_jinner} {sy_jmethod} completed in {num} ms",
            L4J + "Pool stats (total={num}, active={num}, idle={num}, waiting=0)",
            L4J + "Exception in {sy_jmethod}, retrying (attempt {num} of 5)",
            L4J + "Registered {sy_jinner} with the dispatcher",
            "{sy_log4j} {level} [{sy_thread}] {sy_jclass}: Uncaught exception in thread {sy_thread}",
            (stack_trace, ()),
            L4J + "Closing {sy_jinner}",
            L4J + "Heap after GC: used {num}M, committed {num}M",
        ],
    ),
    "zookeeper": (
        [
            ZK + "Accepted socket connection from /{ipv4}:{port}",
            ZK + "Closed socket connection for client /{ipv4}:{port} which had sessionid 0x{sy_hex:15}",
        ],
        [
            ZK + "Notification time out: {num}",
            ZK + "Interrupted while waiting for message on queue",
            ZK + "Established session 0x{sy_hex:15} with negotiated timeout 10000",
            ZK + "Expiring session 0x{sy_hex:15}, timeout of 10000ms exceeded",
            ZK + "Processed session termination for sessionid: 0x{sy_hex:15}",
            ZK + "Send worker leaving thread",
            ZK + "Connection broken for id {num}, my id = {num}, error = ",
            ZK + "FOLLOWING - LEADER ELECTION TOOK - {num}",
            ZK + "Snapshotting: 0x{sy_hex:9} to /var/lib/zookeeper/version-2/snapshot.{sy_hex:9}",
        ],
    ),
    "hadoop": (
        [
            L4J + "USER={user}\tIP={ip}\tOPERATION=Submit Application Request\tTARGET=ClientRMService\tRESULT=SUCCESS\tAPPID={sy_container}",
            L4J + "Job submitted by user {user} as {sy_container}",
            "{sy_log4j} INFO FSNamesystem.audit: allowed=true\tugi={user} (auth:SIMPLE)\tip=/{ip}\tcmd=open\tsrc=/data/raw/part-{num}\tdst=null\tperm=null",
            L4J + "Address change detected. Old: {host}/{ipv4}:{port} New: {host}/{ipv4}:{port}",
        ],
        [
            L4J + "Created MRAppMaster for application {sy_container}",
            L4J + "Assigned container {sy_container} to {sy_container}",
            L4J + "{sy_container} TaskAttempt Transitioned from RUNNING to SUCCEEDED",
            L4J + "Progress of TaskAttempt {sy_container} is : 0.{num}",
            L4J + "Retrying connect to server: {host}:{port}. Already tried {num} time(s); maxRetries=45",
            L4J + "Failed to renew lease for [DFSClient_NONMAPREDUCE_{num}_1] for {num} seconds.  Will retry shortly ...",
            L4J + "Num completed Tasks: {num}",
            L4J + "Recalculating schedule, headroom=<memory:{num}, vCores:-{num}>",
        ],
    ),
    "hdfs": (
        [
            HD + "Receiving block {sy_blk} src: /{ipv4}:{port} dest: /{ipv4}:50010",
            HD + "Received block {sy_blk} of size {num} from /{ip}",
            "{sy_yymmdd} {pid} INFO dfs.FSNamesystem: BLOCK* NameSystem.addStoredBlock: blockMap updated: {ipv4}:50010 is added to {sy_blk} size {num}",
            "{sy_yymmdd} {pid} WARN dfs.DataNode$DataXceiver: {ipv4}:50010 Got exception while serving {sy_blk} to /{ipv4}",
        ],
        [
            HD + "PacketResponder {sy_small} for block {sy_blk} terminating",
            HD + "Deleting block {sy_blk} file /mnt/hadoop/dfs/data/current/subdir{num}/{sy_blk}",
            "{sy_yymmdd} {pid} INFO dfs.FSNamesystem: BLOCK* NameSystem.allocateBlock: /user/root/rand/_temporary/_task_{num}_m_{num}_0/part-{num}. {sy_blk}",
            HD + "Verification succeeded for {sy_blk}",
            "{sy_yymmdd} {pid} INFO dfs.FSDataset: Deleting block {sy_blk} file /mnt/hadoop/dfs/data/current/{sy_blk}",
            HD + "Exception in receiveBlock for block {sy_blk} java.io.IOException: Connection reset by peer",
        ],
    ),
    "spark": (
        [
            SP + "Changing view acls to: yarn,{user}",
            SP + "SecurityManager: authentication disabled; ui acls disabled; users with view permissions: Set(yarn, {user}); users with modify permissions: Set(yarn, {user})",
            SP + "Successfully started service 'sparkDriver' on {ipv4}:{port}",
            SP + "Registered executor NettyRpcEndpointRef(null) ({ipv4}:{port}) with ID {num}",
        ],
        [
            SP + "Registered signal handlers for [TERM, HUP, INT]",
            SP + "Found block rdd_{num}_{num} locally",
            SP + "Finished task {num}.0 in stage {num}.0 (TID {num}). {num} bytes result sent to driver",
            SP + "Block broadcast_{num} stored as values in memory (estimated size {num}.0 B, free {num}.3 MB)",
            SP + "Running task {num}.0 in stage {num}.0 (TID {num})",
            SP + "Started reading broadcast variable {num}",
            SP + "Partition rdd_{num}_{num} not found, computing it",
        ],
    ),
    "openstack": (
        [
            OS + "nova.osapi_compute.wsgi.server " + REQ + ' {ip} "GET /v2/{sy_hex}/servers/detail HTTP/1.1" status: 200 len: {num} time: {sy_float}',
            OS + "nova.metadata.wsgi.server " + REQ0 + ' {ip},{ip} "GET /openstack/2013-10-17/meta_data.json HTTP/1.1" status: 200 len: {num} time: {sy_float}',
            OS + "keystone.common.wsgi " + REQ0 + " Authorization failed. The request you have made requires authentication. from {ip}",
            OS + "keystone.auth.plugins.password " + REQ0 + " Could not find user: {user}",
        ],
        [
            OS + "nova.compute.manager " + REQ + " [instance: {sy_uuid}] VM Started (Lifecycle Event)",
            OS + "nova.compute.manager " + REQ0 + " [instance: {sy_uuid}] During sync_power_state the instance has a pending task (spawning). Skip.",
            OS + "nova.virt.libvirt.imagecache " + REQ0 + " image {sy_uuid} at (/var/lib/nova/instances/_base/{sy_hex:40}): checking",
            OS + "nova.compute.claims " + REQ + " [instance: {sy_uuid}] Total memory: {num} MB, used: {num}.00 MB",
            OS + "nova.compute.resource_tracker " + REQ0 + " Final resource view: name={host} phys_ram={num}MB used_ram={num}MB phys_disk={num}GB",
            OS + "nova.virt.libvirt.driver " + REQ + " [instance: {sy_uuid}] Creating image",
            OS + "nova.scheduler.host_manager " + REQ0 + " Successfully synced instances from host '{host}'.",
        ],
    ),
    "android": (
        [
            AN + "D AccountManagerService: addAccountExplicitly: Account {name={email}, type=com.google}",
            AN + "I SmsMessageReceiver: incoming sms from {phone}",
            AN + "D WifiStateMachine: DHCP successful: ip {ipv4} gateway {ipv4}",
            AN + "I ContactsProvider: insert raw contact display_name={fullname}",
        ],
        [
            AN + "D {sy_androidtag}: acquire lock={num}, flags=0x1, tag=\"View Lock\", name={sy_apkpkg}, ws=null, uid={num}, pid={num}",
            AN + "I ActivityManager: Start proc {num}:{sy_apkpkg}/u0a{num} for service {sy_apkpkg}/.SyncService",
            AN + "V {sy_androidtag}: triggered alarm type=0 when={num} tag=*walarm*:{sy_apkpkg}.ALARM",
            AN + "W {sy_androidtag}: Unable to find window for token AppWindowToken{{sy_hex:7} token=Token{{sy_hex:7}}}",
            AN + "D {sy_androidtag}: onSensorChanged: step count {num}",
            AN + "E {sy_androidtag}: Failed to send broadcast android.intent.action.BATTERY_CHANGED to {sy_apkpkg}",
            AN + "I chatty  : uid={num}({sy_apkpkg}) identical {num} lines",
            AN + "D {sy_androidtag}: setSystemUiVisibility vis=0x{sy_hex:4} mask=0xffffffff",
        ],
    ),
    "linux": (
        [
            SYS + "xinetd[{pid}]: START: ftp pid={pid} from={ip}",
            SYS + "ftpd[{pid}]: connection from {ip} () at {sy_ctime}",
            SYS + "gdm(pam_unix)[{pid}]: session opened for user {user} by (uid=0)",
            SYS + "kernel: IN=eth0 OUT= MAC={mac} SRC={ip} DST={ip} LEN={num} PROTO=TCP SPT={port} DPT=22",
            SYS + "dhclient[{pid}]: DHCPACK of {ipv4} from {ipv4}",
        ],
        [
            SYS + "kernel: Linux version {sy_kver} (buildd@lcy02-amd64-{num}) (gcc version 11.4.0) #{num}-Ubuntu SMP",
            SYS + "kernel: EXT4-fs (sda{sy_small}): mounted filesystem with ordered data mode. Opts: (null)",
            SYS + "kernel: [{num}.{pid}] audit: type=1400 audit({epoch}.{num}:{num}): apparmor=\"STATUS\" operation=\"profile_load\" name=\"/usr/sbin/cupsd\" pid={pid}",
            SYS + "systemd[1]: Starting Daily apt download activities...",
            SYS + "CRON[{pid}]: ({sy_sysuser}) CMD (run-parts /etc/cron.hourly)",
            SYS + "su(pam_unix)[{pid}]: session opened for user {sy_sysuser} by (uid=0)",
            SYS + "logrotate: ALERT exited abnormally with [1]",
            SYS + "kernel: usb 1-1: new high-speed USB device number {num} using ehci-pci",
            SYS + "rsyslogd: [origin software=\"rsyslogd\" swVersion=\"8.2112.0\" x-pid=\"{pid}\"] rsyslogd was HUPed",
            SYS + "kernel: Out of memory: Killed process {pid} (java) total-vm:{num}kB, anon-rss:{num}kB",
        ],
    ),
    "ssh": (
        [
            SYS + "sshd[{pid}]: Failed password for {user} from {ip} port {port} ssh2",
            SYS + "sshd[{pid}]: Failed password for invalid user {user} from {ip} port {port} ssh2",
            SYS + "sshd[{pid}]: Accepted publickey for {user} from {ip} port {port} ssh2: RSA SHA256:{sy_hex:43}",
            SYS + "sshd[{pid}]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost={ip}  user={user}",
            SYS + "sshd(pam_unix)[{pid}]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost={sy_rhost}  user={user}",
            SYS + "sshd[{pid}]: Invalid user {user} from {ip} port {port}",
            SYS + "sshd[{pid}]: Received disconnect from {ip} port {port}:11: Bye Bye [preauth]",
            SYS + "sshd[{pid}]: pam_unix(sshd:session): session opened for user {user}(uid={num}) by (uid=0)",
        ],
        [
            SYS + "sshd[{pid}]: pam_unix(sshd:session): session closed for user {sy_sysuser}",
            SYS + "sshd(pam_unix)[{pid}]: check pass; user unknown",
            SYS + "sshd[{pid}]: Server listening on 0.0.0.0 port 22.",
            SYS + "sshd[{pid}]: Disconnected from authenticating user {sy_sysuser} {loopback} port {port} [preauth]",
            SYS + "sshd[{pid}]: PAM 2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost={sy_rhost}",
            SYS + "sshd[{pid}]: error: maximum authentication attempts exceeded for {sy_sysuser} [preauth]",
            SYS + "sshd[{pid}]: Received signal 15; terminating.",
            SYS + "sshd[{pid}]: pam_unix(sshd:auth): check pass; user unknown",
            SYS + "sshd[{pid}]: reverse mapping checking getaddrinfo for {sy_rhost} failed - POSSIBLE BREAK-IN ATTEMPT!",
        ],
    ),
    "httpd": (
        [
            "[{sy_ctime}] [error] [client {ip}] Directory index forbidden by rule: /var/www/html/",
            "[{sy_ctime24}] [core:error] [pid {pid}:tid {num}] [client {ipv4}:{port}] AH00126: Invalid URI in request GET /{sy_jmethod}.php HTTP/1.1, referer: {referer}",
            "[{sy_ctime24}] [php:warn] [pid {pid}:tid {num}] [client {ipv4}:{port}] PHP Warning:  Undefined variable $cart in /var/www/html/cart.php on line {num}, referer: {referer}",
            "[{sy_ctime}] [error] [client {ip}] File does not exist: /var/www/html/{sy_jmethod}.php",
            "[{sy_ctime}] [error] [client {ip}] user {user}: authentication failure for \"/admin\": Password Mismatch",
            '{sy_nginxts} [error] {pid}#{pid}: *{num} open() "/usr/share/nginx/html/favicon.ico" failed (2: No such file or directory), client: {ip}, server: {host}, request: "GET /favicon.ico HTTP/1.1", host: "{host}", referrer: "{referer}"',
            '{sy_nginxts} [warn] {pid}#{pid}: *{num} an upstream response is buffered to a temporary file, client: {ip}, server: {host}, request: "GET {urlpath} HTTP/1.1", host: "{host}", referrer: "{referer}"',
        ],
        [
            "[{sy_ctime}] [notice] workerEnv.init() ok /etc/httpd/conf/workers2.properties",
            "[{sy_ctime}] [error] mod_jk child workerEnv in error state {num}",
            "[{sy_ctime}] [notice] jk2_init() Found child {pid} in scoreboard slot {num}",
            "[{sy_ctime}] [notice] Apache/2.4.{num} (Unix) configured -- resuming normal operations",
            "[{sy_ctime}] [notice] caught SIGTERM, shutting down",
            "{sy_nginxts} [notice] {pid}#{pid}: signal process started",
            "{sy_nginxts} [emerg] {pid}#{pid}: bind() to 0.0.0.0:80 failed (98: Address already in use)",
            "{sy_nginxts} [crit] {pid}#{pid}: *{num} SSL_do_handshake() failed (SSL: error:0A00006C:SSL routines::bad key share)",
        ],
    ),
    "cbs": (
        [
            "{sy_cbsts} Info                  CBS    Session: {num}_{num} initialized by client WindowsUpdateAgent, user {domuser}.",
            "{sy_cbsts} Info                  CBS    Reboot mark set by {domuser} for package {sy_winpkg}",
        ],
        [
            "{sy_cbsts} Info                  CBS    Loaded Servicing Stack v{sy_winver} with Core: C:\\Windows\\winsxs\\amd64_microsoft-windows-servicingstack_31bf3856ad364e35_{sy_winver}_none_{sy_hex:16}\\cbscore.dll",
            "{sy_cbsts} Info                  CSI    {sy_csits} WcpInitialize (wcp.dll version 0.0.0.6) called (stack @0x{sy_hex:11} @0x{sy_hex:11})",
            "{sy_cbsts} Info                  CBS    SQM: Initializing online with Windows opt-in: False",
            "{sy_cbsts} Info                  CBS    Session: {num}_{num} initialized by client WindowsUpdateAgent.",
            "{sy_cbsts} Info                  CBS    Read out cached package applicability for package: {sy_winpkg}, ApplicableState: 112, CurrentState:112",
            "{sy_cbsts} Info                  CBS    Failed to internally open package. [HRESULT = 0x800f0805 - CBS_E_INVALID_PACKAGE]",
            "{sy_cbsts} Info                  CBS    Ending TrustedInstaller finalization.",
            "{sy_cbsts} Info                  CBS    Warning: Unrecognized packageExtended attribute.",
        ],
    ),
    "ras": (
        [
            "{sy_ras} RAS APP FATAL ciod: failed to read message prefix on control stream (CioStream socket to {ipv4}:{port}",
            "{sy_ras} RAS APP FATAL ciod: LOGIN chdir(/home/{user}/run) failed: No such file or directory",
        ],
        [
            "{sy_ras} RAS KERNEL INFO instruction cache parity error corrected",
            "{sy_ras} RAS KERNEL INFO {num} double-hummer alignment exceptions",
            "{sy_ras} RAS KERNEL FATAL data TLB error interrupt",
            "{sy_ras} RAS KERNEL INFO generating core.{num}",
            "{sy_ras} RAS MMCS ERROR idoproxydb hit ASSERT condition: ASSERT expression=0",
            "{sy_ras} RAS DISCOVERY WARNING Node card VPD check: {sy_node} node in processor card slot J{num} do not match",
            "{sy_ras} RAS KERNEL INFO CE sym {num}, at 0x{sy_hex:8}, mask 0x{sy_hex:2}",
            "{sy_ras} RAS LINKCARD FATAL MidplaneSwitchController::clearPort() bll_clear_port failed: {sy_node}",
        ],
    ),
    "macos": (
        [
            MAC + "sudo[{pid}]: {user} : TTY=ttys00{sy_small} ; PWD=/Users/{user} ; USER=root ; COMMAND=/usr/bin/log show",
            MAC + "loginwindow[{pid}]: -[SessionAgentNotificationCenter] login for user {user} succeeded",
            MAC + "com.apple.geod[{pid}]: network reachability changed, interface en0 address {ipv4}",
            MAC + "Mail[{pid}]: Account {email} failed to fetch: The server returned an error",
        ],
        [
            MAC + "kernel[0]: IOThunderboltSwitch<0>(0x0)::listenerCallback - Thunderbolt HPD packet for route = 0x0 port = {num} unplug = 0",
            MAC + "com.apple.CDScheduler[{pid}]: Thermal pressure state: 1 Memory pressure state: 0",
            MAC + "WindowServer[{pid}]: send_datagram_available_ping: pid {pid} failed to act on a ping it dequeued before timing out.",
            MAC + "kernel[0]: ARPT: {num}.{num}: wl0: setup_keepalive: interval 900, retry_interval 30, retry_count 10",
            MAC + "com.apple.xpc.launchd[1] (com.apple.mdworker.bundles[{pid}]): Could not find uid associated with service: 0: Undefined error: 0 501",
            MAC + "Google Chrome Helper[{pid}]: Couldn't set selectedTextBackgroundColor from default ()",
            MAC + "sharingd[{pid}]: {sy_hms} : Purged contact hash",
            MAC + "symptomsd[{pid}]: __73-[NetworkAnalyticsEngine observeValueForKeyPath:ofObject:change:context:]_block_invoke unexpected switch value 2",
        ],
    ),
    "proxy": (
        [
            "{sy_proxyts} {sy_exe} - {ipv4}:443 open through proxy {sy_proxy} HTTPS",
            "{sy_proxyts} {sy_exe} - {ipv4}:{port} error : Could not connect through proxy {sy_proxy} - Proxy server cannot establish a connection with the target, status code 403",
        ],
        [
            "{sy_proxyts} {sy_exe} - {sy_dest} open through proxy {sy_proxy} HTTPS",
            "{sy_proxyts} {sy_exe} - {sy_dest} close, {num} bytes ({num}.{num} KB) sent, {num} bytes ({num}.{num} KB) received, lifetime 00:{num}",
            "{sy_proxyts} {sy_exe} - {sy_dest} error : A connection request was canceled before the completion.",
            "{sy_proxyts} {sy_exe} - {sy_dest} close, 0 bytes sent, 0 bytes received, lifetime <1 sec",
        ],
    ),
    "ntp": (
        [
            SYS + "ntpd[{pid}]: synchronized to {ip}, stratum {sy_small}",
            SYS + "ntpd[{pid}]: no reply from {ip}; server unreachable",
        ],
        [
            SYS + "ntpd[{pid}]: synchronized to LOCAL(0), stratum 10",
            SYS + "ntpd[{pid}]: kernel time sync enabled 0001",
            SYS + "ntpd[{pid}]: time reset -0.{num} s",
            SYS + "ntpd_initres[{pid}]: ntpd exiting on signal 15",
            SYS + "ntpd[{pid}]: ntpd 4.2.8p15@1.3728-o started",
            SYS + "ntpd[{pid}]: frequency initialized -{num}.{num} PPM from /var/lib/ntp/drift",
            SYS + "ntpd[{pid}]: selected peer stratum 3 offset +0.{num} s",
        ],
    ),
}


def _family_templates() -> Tuple[Dict[str, Tuple[List[Template], List[Template]]], List[Template], List[Template]]:
    by_family: Dict[str, Tuple[List[Template], List[Template]]] = {}
    positives: List[Template] = []
    negatives: List[Template] = []
    for family, (pos, neg) in FAMILIES.items():
        pos_t = make_templates(NAME, f"{family}.pos", pos)
        neg_t = make_templates(NAME, f"{family}.neg", neg)
        by_family[family] = (pos_t, neg_t)
        positives += pos_t
        negatives += neg_t
    return by_family, positives, negatives


BY_FAMILY, _POSITIVES, _NEGATIVES = _family_templates()
FAMILY_NAMES: Tuple[str, ...] = tuple(FAMILIES)


def family_of(template_id: str) -> str:
    """The family of a template id (`syslog.hdfs.pos.003` -> `hdfs`)."""
    return template_id.split(".")[1]


def compose(ctx: Context, positive: bool) -> Builder:
    """Two to eight lines of one system's log; in a PII-carrying document one line is sure to
    carry PII and each other line does with POS_LINE_SHARE, so most lines carry none.
    """
    rng = ctx.rng
    family = rng.choice(FAMILY_NAMES)
    pos_t, neg_t = BY_FAMILY[family]
    n = rng.randint(MIN_LINES, MAX_LINES)
    forced = rng.randrange(n)
    lines: List[Builder] = []
    for i in range(n):
        with_pii = positive and (i == forced or rng.random() < POS_LINE_SHARE)
        lines.append(SPEC.unit(ctx, rng.choice(pos_t if with_pii else neg_t)))
    return join(lines, "\n")


SPEC = GenreSpec(
    name=NAME,
    weight=0.2,
    positives=_POSITIVES,
    negatives=_NEGATIVES,
)
SPEC.compose = compose

__all__ = ["SPEC", "FAMILIES", "FAMILY_NAMES", "BY_FAMILY", "family_of", "stack_trace"]
