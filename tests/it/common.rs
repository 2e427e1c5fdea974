//! The test harness: a throwaway PostgreSQL cluster (or PLATCTL_TEST_DATABASE_URL), a fresh
//! database per test on SQLite or PostgreSQL, the built binary run with a private HOME, and
//! direct SQL checks of what it left in the database.

use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::sync::OnceLock;

use assert_cmd::Command;
use sqlx::Connection;
use tempfile::TempDir;

/// How many migrations this binary ships (the schema version a migrated database is at).
pub fn versions() -> i64 {
    platctl::migrations::embedded(platctl::db::Dialect::Sqlite).len() as i64
}

/// A backend the suite runs against. The admin API client (`--server`, with `platctl serve`)
/// will be one more: a variant here and an arm in `each_backend!`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Sqlite,
    Postgres,
}

impl Kind {
    /// Every backend, in the order the suite runs them.
    pub const ALL: [Kind; 2] = [Kind::Sqlite, Kind::Postgres];
}

/// Declare a test that runs once per backend: `each_backend!(name, |env| { ... });` makes
/// `name::sqlite` and `name::postgres`.
/// `each_backend!(pooled name, …)` adds `name::pgbouncer`: PostgreSQL through PgBouncer in
/// transaction mode ([`TestEnv::pooled`]).
macro_rules! each_backend {
    (pooled $name:ident, $body:expr) => {
        $crate::common::each_backend!(@arms $name, $body,
            sqlite => $crate::common::TestEnv::new($crate::common::Kind::Sqlite),
            postgres => $crate::common::TestEnv::new($crate::common::Kind::Postgres),
            pgbouncer => $crate::common::TestEnv::pooled());
    };
    ($name:ident, $body:expr) => {
        $crate::common::each_backend!(@arms $name, $body,
            sqlite => $crate::common::TestEnv::new($crate::common::Kind::Sqlite),
            postgres => $crate::common::TestEnv::new($crate::common::Kind::Postgres));
    };
    (@arms $name:ident, $body:expr, $($arm:ident => $make:expr),+) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[test]
                fn $arm() {
                    let body: fn($crate::common::TestEnv) = $body;
                    body($make);
                }
            )+
        }
    };
}
pub(crate) use each_backend;

// ---------------------------------------------------------------------------------------------
// The PostgreSQL cluster, started once per test process.

struct Cluster {
    /// postgres://… of a database on which the tests may CREATE DATABASE.
    admin_url: String,
    /// Socket directory and port, to build per-test URLs (None for an external server).
    socket: Option<(PathBuf, u16)>,
}

static CLUSTER: OnceLock<Result<Cluster, String>> = OnceLock::new();

fn cluster() -> &'static Cluster {
    match CLUSTER.get_or_init(start_cluster) {
        Ok(c) => c,
        Err(message) => panic!("{message}"),
    }
}

const MISSING_POSTGRES: &str = "PostgreSQL is needed by the test suite and was not found: \
    install the server binaries (initdb, pg_ctl; Debian/Ubuntu: `apt-get install postgresql`, \
    which puts them in /usr/lib/postgresql/<major>/bin) or set PLATCTL_TEST_DATABASE_URL to a \
    server on which the tests may create databases";

pub fn find_pg_bin(name: &str) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let major: u32 = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin").join(name);
            bin.is_file().then_some((major, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, p)| p)
}

pub fn is_root() -> bool {
    StdCommand::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// initdb and pg_ctl refuse to run as root: run them as the `postgres` system user then.
fn pg_command(bin: &Path, as_postgres: bool) -> StdCommand {
    if as_postgres {
        let mut cmd = StdCommand::new("runuser");
        cmd.args(["-u", "postgres", "--"]).arg(bin);
        cmd
    } else {
        StdCommand::new(bin)
    }
}

fn start_cluster() -> Result<Cluster, String> {
    if let Ok(url) = std::env::var("PLATCTL_TEST_DATABASE_URL")
        && !url.is_empty()
    {
        return Ok(Cluster {
            admin_url: url,
            socket: None,
        });
    }
    // Socket only: the port just names the socket file.
    let port = 5432 + (std::process::id() % 1000) as u16;
    // Never stopped by the tests (its watchdog stops and removes it when this process is
    // gone): a commit need not wait for its WAL to be written.
    let pg = Instance::create(&ClusterSpec::default(), port, false)?;
    Ok(Cluster {
        admin_url: pg.socket_url("postgres"),
        socket: Some((pg.dir.clone(), port)),
    })
}

/// What a cluster of its own ([`PrivateCluster`]) is made with, besides the shared cluster's
/// settings (fsync off, 300 connections, the socket in its directory, trust for everyone).
#[derive(Debug, Clone, Default)]
pub struct ClusterSpec {
    /// Listen on 127.0.0.1 at a free port too ([`PrivateCluster::url`]); implied by `ssl`.
    pub tcp: bool,
    /// Lines added to postgresql.conf (`"log_connections = on"`); kept across restarts.
    pub conf: Vec<String>,
    /// `ssl = on` with this server certificate and key (PEM files), copied into the data
    /// directory with mode 0600 (owned by `postgres` when the tests run as root).
    pub ssl: Option<(PathBuf, PathBuf)>,
    /// pg_hba.conf's content instead of initdb's (trust for all), e.g.
    /// `hostssl all all 127.0.0.1/32 trust`. A first line `local all postgres trust` is put
    /// before it, so that the helpers (`exec`, `create_database`, `reload`) keep the socket.
    pub hba: Option<String>,
}

/// A cluster initdb'd in a temporary directory of its own (also its socket directory) and
/// started, with a watchdog that stops and removes it when the test process is gone.
struct Instance {
    dir: PathBuf,
    port: u16,
    tcp: bool,
    /// A commit is not lost when the cluster is stopped with `-m immediate` (it is with
    /// `synchronous_commit = off`, the shared cluster's).
    crash_safe: bool,
    pg_ctl: PathBuf,
    root: bool,
    watchdog: std::process::Child,
}

impl Instance {
    fn create(spec: &ClusterSpec, port: u16, crash_safe: bool) -> Result<Instance, String> {
        let initdb = find_pg_bin("initdb").ok_or_else(|| MISSING_POSTGRES.to_string())?;
        let pg_ctl = find_pg_bin("pg_ctl").ok_or_else(|| MISSING_POSTGRES.to_string())?;
        let root = is_root();
        let dir = tempfile::Builder::new()
            .prefix("platctl-pg-")
            .tempdir()
            .map_err(|e| format!("cannot create a temp dir: {e}"))?
            .keep();
        if root {
            chown_postgres(&dir).map_err(|_| {
                "running as root, the tests start PostgreSQL as the `postgres` user, which \
                 does not exist here: create it (`useradd --system postgres`) or set \
                 PLATCTL_TEST_DATABASE_URL"
                    .to_string()
            })?;
        }
        // Stop the cluster and remove it when this test process is gone, however it ends.
        let data = dir.join("data");
        let runuser = if root { "runuser -u postgres -- " } else { "" };
        let watchdog = when_gone(
            &format!(
                "{runuser}'{pg_ctl}' -D '{data}' stop -m immediate >/dev/null 2>&1; rm -rf '{dir}'",
                pg_ctl = pg_ctl.display(),
                data = data.display(),
                dir = dir.display(),
            ),
            "the cluster",
        )?;
        let mut pg = Instance {
            dir,
            port,
            tcp: spec.tcp || spec.ssl.is_some(),
            crash_safe,
            pg_ctl,
            root,
            watchdog,
        };
        let out = pg_command(&initdb, root)
            .arg("-D")
            .arg(&data)
            .args([
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ])
            .output()
            .map_err(|e| format!("cannot run {}: {e}", initdb.display()))?;
        if !out.status.success() {
            return Err(format!(
                "initdb failed: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        pg.configure(spec)?;
        // A free port may be taken by another process before the server binds it: another.
        for attempt in 1.. {
            match pg.start() {
                Err(e) if pg.tcp && attempt < 5 && e.contains("could not bind") => {
                    pg.port = free_port();
                }
                started => return started.map(|()| pg),
            }
        }
        unreachable!()
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// What the spec adds to initdb's configuration.
    fn configure(&self, spec: &ClusterSpec) -> Result<(), String> {
        let data = self.data();
        let mut conf = spec.conf.clone();
        if let Some((cert, key)) = &spec.ssl {
            for (from, name) in [(cert, "server.crt"), (key, "server.key")] {
                let to = data.join(name);
                std::fs::copy(from, &to)
                    .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), name))?;
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(&to, std::fs::Permissions::from_mode(0o600))
                    .map_err(|e| format!("cannot chmod {name}: {e}"))?;
                if self.root {
                    chown_postgres(&to)?;
                }
            }
            conf.extend([
                "ssl = on".to_string(),
                "ssl_cert_file = 'server.crt'".to_string(),
                "ssl_key_file = 'server.key'".to_string(),
            ]);
        }
        if !conf.is_empty() {
            use std::io::Write;
            let path = data.join("postgresql.conf");
            let mut file = std::fs::OpenOptions::new()
                .append(true)
                .open(&path)
                .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
            writeln!(file, "\n# ClusterSpec\n{}", conf.join("\n"))
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        if let Some(hba) = &spec.hba {
            let path = data.join("pg_hba.conf");
            std::fs::write(&path, format!("local all postgres trust\n{hba}\n"))
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        Ok(())
    }

    /// `pg_ctl -D DATA ARGS`, as `postgres` when root; its stderr and the server's log on
    /// failure.
    fn pg_ctl(&self, args: &[&str]) -> Result<(), String> {
        let out = pg_command(&self.pg_ctl, self.root)
            .arg("-D")
            .arg(self.data())
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .map_err(|e| format!("cannot run {}: {e}", self.pg_ctl.display()))?;
        if out.status.success() {
            return Ok(());
        }
        Err(format!(
            "pg_ctl {} failed: {}\n{}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr),
            self.log()
        ))
    }

    /// Start it (again, on the same port) and wait until it takes connections.
    fn start(&self) -> Result<(), String> {
        let listen = if self.tcp { "127.0.0.1" } else { "" };
        // fsync and full pages only matter when the machine itself goes down.
        let mut options = format!(
            "-k {} -c listen_addresses='{listen}' -p {} -c fsync=off",
            self.dir.display(),
            self.port,
        );
        if !self.crash_safe {
            options.push_str(" -c synchronous_commit=off");
        }
        options.push_str(" -c full_page_writes=off -c max_connections=300");
        let log = self.dir.join("server.log");
        self.pg_ctl(&["-o", &options, "-l", &log.to_string_lossy(), "-w", "start"])
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("server.log")).unwrap_or_default()
    }

    fn socket_url(&self, db: &str) -> String {
        format!(
            "postgres://postgres@localhost/{db}?host={}&port={}",
            self.dir.display(),
            self.port
        )
    }
}

fn chown_postgres(path: &Path) -> Result<(), String> {
    let status = StdCommand::new("chown")
        .args(["-R", "postgres:postgres"])
        .arg(path)
        .status()
        .map_err(|e| format!("chown failed: {e}"))?;
    match status.success() {
        true => Ok(()),
        false => Err(format!("chown postgres {} failed", path.display())),
    }
}

/// A throwaway PostgreSQL cluster of one test's own, to stop and start under platctl
/// (`pg_ctl stop -m immediate`) or to make with TLS; stopped and removed when dropped (and by
/// a watchdog when the test process dies). [`TestEnv::on`] makes a test's world on it.
pub struct PrivateCluster {
    pg: Instance,
}

impl PrivateCluster {
    /// initdb, configure as `spec` asks, start; panics saying why it could not.
    pub fn start(spec: ClusterSpec) -> PrivateCluster {
        let port = if spec.tcp || spec.ssl.is_some() {
            free_port()
        } else {
            5432
        };
        match Instance::create(&spec, port, true) {
            Ok(pg) => PrivateCluster { pg },
            Err(message) => panic!("{message}"),
        }
    }

    /// The port: TCP on 127.0.0.1 with `tcp`, else only the socket file's name.
    pub fn port(&self) -> u16 {
        self.pg.port
    }

    /// The data directory (postgresql.conf, pg_hba.conf, the copied server.crt and .key).
    pub fn data_dir(&self) -> PathBuf {
        self.pg.data()
    }

    /// What the server logged so far.
    pub fn log(&self) -> String {
        self.pg.log()
    }

    /// `postgres://postgres@127.0.0.1:PORT/db` (the spec must ask for `tcp` or `ssl`).
    pub fn url(&self, db: &str) -> String {
        assert!(
            self.pg.tcp,
            "this cluster does not listen on TCP: ClusterSpec::tcp"
        );
        format!("postgres://postgres@127.0.0.1:{}/{db}", self.pg.port)
    }

    /// The database `db` through the socket directory.
    pub fn socket_url(&self, db: &str) -> String {
        self.pg.socket_url(db)
    }

    /// `pg_ctl stop -m immediate`: every backend killed at once, no checkpoint, as a crash.
    pub fn stop_immediate(&self) {
        if let Err(message) = self.pg.pg_ctl(&["-m", "immediate", "-w", "stop"]) {
            panic!("{message}");
        }
    }

    /// Start it again after a stop (same port, same settings); back when it takes connections.
    pub fn start_again(&self) {
        if let Err(message) = self.pg.start() {
            panic!("{message}");
        }
    }

    /// `pg_ctl reload`, and wait until new connections get the new configuration (pg_hba.conf
    /// included): a new session's `pg_conf_load_time()` has moved on.
    pub fn reload(&self) {
        let loaded = || self.query("SELECT CAST(pg_conf_load_time() AS text)");
        let before = loaded();
        if let Err(message) = self.pg.pg_ctl(&["reload"]) {
            panic!("{message}");
        }
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while loaded() == before {
            assert!(
                std::time::Instant::now() < deadline,
                "the configuration was not reloaded within 10 s:\n{}",
                self.log()
            );
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }

    /// Run `sql` (one or more statements) as the superuser in the database `postgres`.
    pub fn exec(&self, sql: &str) {
        self.on_socket(sql, async |c, sql| {
            sqlx::raw_sql(sql).execute(c).await.map(|_| ())
        });
    }

    /// An empty database `name`.
    pub fn create_database(&self, name: &str) {
        self.exec(&format!("CREATE DATABASE {name}"));
    }

    /// The first column of the first row of `sql`, as text.
    fn query(&self, sql: &str) -> String {
        self.on_socket(sql, async |c, sql| {
            sqlx::query_scalar(sql).fetch_one(c).await
        })
    }

    /// `run` on a new superuser session of the database `postgres`, over the socket.
    fn on_socket<T>(
        &self,
        sql: &str,
        run: impl AsyncFnOnce(
            &mut sqlx::PgConnection,
            sqlx::AssertSqlSafe<String>,
        ) -> Result<T, sqlx::Error>,
    ) -> T {
        let url = self.socket_url("postgres");
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let mut c = sqlx::PgConnection::connect(&url)
                .await
                .unwrap_or_else(|e| panic!("cannot connect to {url}: {e}"));
            let out = run(&mut c, sqlx::AssertSqlSafe(sql.to_string()))
                .await
                .unwrap_or_else(|e| panic!("{sql}: {e}"));
            let _ = c.close().await;
            out
        })
    }
}

impl Drop for PrivateCluster {
    fn drop(&mut self) {
        let _ = self.pg.pg_ctl(&["-m", "immediate", "-w", "stop"]);
        let _ = std::fs::remove_dir_all(&self.pg.dir);
        let _ = self.pg.watchdog.kill();
        let _ = self.pg.watchdog.wait();
    }
}

// ---------------------------------------------------------------------------------------------
// PgBouncer in front of the cluster, in transaction mode with its stock settings otherwise
// (nothing in ignore_startup_parameters, no max_prepared_statements): started once per test
// process, at the first pooled test.

static POOLER: OnceLock<Result<u16, String>> = OnceLock::new();

const MISSING_PGBOUNCER: &str = "the pooled tests need PgBouncer: install it (Debian/Ubuntu: \
    `apt-get install pgbouncer`; scripts/test does as root)";

/// The port PgBouncer listens on (127.0.0.1).
pub fn pooler_port() -> u16 {
    match POOLER.get_or_init(start_pooler) {
        Ok(port) => *port,
        Err(message) => panic!("{message}"),
    }
}

fn start_pooler() -> Result<u16, String> {
    let cluster = cluster();
    let Some((sock, pg_port)) = &cluster.socket else {
        return Err(
            "the pooled tests put PgBouncer in front of the tests' own cluster: unset \
                    PLATCTL_TEST_DATABASE_URL to run them"
                .into(),
        );
    };
    let bin = which("pgbouncer")
        .or_else(|| Some(PathBuf::from("/usr/sbin/pgbouncer")).filter(|p| p.is_file()))
        .ok_or_else(|| MISSING_PGBOUNCER.to_string())?;
    let dir = sock.join("pgbouncer");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let port = free_port();
    let ini = dir.join("pgbouncer.ini");
    let config = format!(
        "[databases]\n* = host={sock} port={pg_port}\n\n[pgbouncer]\nlisten_addr = 127.0.0.1\n\
         listen_port = {port}\nunix_socket_dir =\nauth_type = trust\nauth_file = {dir}/users.txt\n\
         pool_mode = transaction\nmax_client_conn = 2000\nlogfile = {dir}/pgbouncer.log\n\
         pidfile = {dir}/pgbouncer.pid\n",
        sock = sock.display(),
        dir = dir.display(),
    );
    std::fs::write(&ini, config).map_err(|e| format!("cannot write {}: {e}", ini.display()))?;
    std::fs::write(dir.join("users.txt"), "\"postgres\" \"\"\n")
        .map_err(|e| format!("cannot write users.txt: {e}"))?;
    let root = is_root();
    if root {
        StdCommand::new("chown")
            .args(["-R", "postgres:postgres"])
            .arg(&dir)
            .status()
            .map_err(|e| format!("chown failed: {e}"))?;
    }
    // PgBouncer refuses to run as root: as the cluster's `postgres` user then.
    let out = pg_command(&bin, root)
        .arg("-d")
        .arg(&ini)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    if !out.status.success() {
        let log = std::fs::read_to_string(dir.join("pgbouncer.log")).unwrap_or_default();
        return Err(format!(
            "PgBouncer did not start: {}\n{log}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if std::time::Instant::now() > deadline {
            return Err(format!("PgBouncer is not listening on 127.0.0.1:{port}"));
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    when_gone(
        &format!("kill $(cat '{}/pgbouncer.pid')", dir.display()),
        "PgBouncer",
    )?;
    Ok(port)
}

/// Run the shell `script` once this test process is gone, however it ends (a watchdog that
/// stops `what`).
fn when_gone(script: &str, what: &str) -> Result<std::process::Child, String> {
    let watchdog = format!(
        "while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; {script}",
        pid = std::process::id()
    );
    StdCommand::new("sh")
        .args(["-c", &watchdog])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start the watchdog of {what}: {e}"))
}

// ---------------------------------------------------------------------------------------------
// One test's world.

/// Run `$body` with `$c` bound to a fresh connection (SQLite or PostgreSQL) to the test's
/// database; the body is written once and compiled for both drivers.
macro_rules! on_connection {
    ($env:expr, $url:expr, $c:ident => $body:expr) => {
        $env.rt.block_on(async {
            match $env.kind {
                Kind::Sqlite => {
                    let mut $c = sqlx::SqliteConnection::connect($url).await.unwrap();
                    let out = $body;
                    $c.close().await.unwrap();
                    out
                }
                Kind::Postgres => {
                    let mut $c = sqlx::PgConnection::connect($url).await.unwrap();
                    let out = $body;
                    $c.close().await.unwrap();
                    out
                }
            }
        })
    };
}

/// The PostgreSQL server a test's databases are made on.
struct Server {
    /// Where to CREATE DATABASE (as the superuser).
    admin: String,
    /// A URL of the server whose database part is replaced to name one of them.
    base: String,
    /// An external server (PLATCTL_TEST_DATABASE_URL): the test's database is dropped after
    /// it (a cluster of the tests' own is removed whole).
    external: bool,
}

impl Server {
    /// The shared cluster (or the external server).
    fn shared() -> Server {
        let cluster = cluster();
        Server {
            admin: cluster.admin_url.clone(),
            base: cluster.admin_url.clone(),
            external: cluster.socket.is_none(),
        }
    }

    /// A new, empty database: its name and URL.
    fn new_database(&self, rt: &tokio::runtime::Runtime) -> (String, String) {
        let name = format!("t_{}", uuid::Uuid::new_v4().simple());
        rt.block_on(async {
            let mut conn = sqlx::PgConnection::connect(&self.admin)
                .await
                .unwrap_or_else(|e| panic!("cannot reach the test PostgreSQL: {e}"));
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&mut conn)
                .await
                .unwrap();
            conn.close().await.unwrap();
        });
        let url = replace_database(&self.base, &name);
        (name, url)
    }
}

pub struct TestEnv {
    pub kind: Kind,
    pub dir: TempDir,
    /// DATABASE_URL of this test's database.
    pub url: String,
    /// The database itself, for the tests' own checks (and DATABASE_DIRECT_URL): `url`, but
    /// for a pooled test.
    pub direct: String,
    /// Whether `url` goes through PgBouncer in transaction mode.
    pub pooled: bool,
    db_name: Option<String>,
    server: Option<Server>,
    rt: tokio::runtime::Runtime,
}

impl TestEnv {
    pub fn new(kind: Kind) -> TestEnv {
        let server = match kind {
            Kind::Sqlite => None,
            Kind::Postgres => Some(Server::shared()),
        };
        TestEnv::at(kind, server)
    }

    /// A PostgreSQL world on a cluster of the test's own: a new database there, reached over
    /// TCP when the cluster listens on it, else through its socket. The cluster must outlive
    /// the world (declare it first).
    pub fn on(cluster: &PrivateCluster) -> TestEnv {
        let base = match cluster.pg.tcp {
            true => cluster.url("postgres"),
            false => cluster.socket_url("postgres"),
        };
        let server = Server {
            admin: cluster.socket_url("postgres"),
            base,
            external: false,
        };
        TestEnv::at(Kind::Postgres, Some(server))
    }

    fn at(kind: Kind, server: Option<Server>) -> TestEnv {
        let dir = tempfile::Builder::new()
            .prefix("platctl-test-")
            .tempdir()
            .unwrap();
        std::fs::create_dir_all(dir.path().join("home")).unwrap();
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let (url, db_name) = match &server {
            None => (
                format!("sqlite://{}", dir.path().join("platform.db").display()),
                None,
            ),
            Some(server) => {
                let (name, url) = server.new_database(&rt);
                (url, Some(name))
            }
        };
        TestEnv {
            kind,
            dir,
            direct: url.clone(),
            url,
            pooled: false,
            db_name,
            server,
            rt,
        }
    }

    /// A PostgreSQL world whose DATABASE_URL goes through PgBouncer in transaction mode, with
    /// DATABASE_DIRECT_URL set to the database itself (as the README tells operators).
    pub fn pooled() -> TestEnv {
        let mut env = TestEnv::new(Kind::Postgres);
        let port = pooler_port();
        let name = env.db_name.clone().unwrap_or_default();
        env.url = format!("postgres://postgres@127.0.0.1:{port}/{name}");
        env.pooled = true;
        env
    }

    /// This PostgreSQL world, with platctl connecting as a role of its own that owns the
    /// database and nothing more — no SUPERUSER, no CREATEDB, no CREATEROLE — as managed
    /// PostgreSQL gives one. The tests' own checks stay the superuser's.
    pub fn owned_by_a_plain_role(mut self) -> TestEnv {
        assert_eq!(self.kind, Kind::Postgres, "roles are PostgreSQL's");
        let name = self.db_name.clone().unwrap_or_default();
        let role = format!("owner_{name}");
        self.exec(&format!(
            "CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; \
             ALTER DATABASE {name} OWNER TO {role}"
        ));
        assert!(self.url.starts_with("postgres://postgres@"), "{}", self.url);
        self.url = self
            .url
            .replacen("postgres://postgres@", &format!("postgres://{role}@"), 1);
        self
    }

    /// A world with no database configured: platctl uses its embedded default.
    pub fn embedded() -> TestEnv {
        let mut env = TestEnv::new(Kind::Sqlite);
        env.url = format!(
            "sqlite://{}",
            env.home().join(".local/share/platctl/platctl.db").display()
        );
        env.direct = env.url.clone();
        env
    }

    pub fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// platctl with a private HOME and no stray configuration from the caller.
    pub fn bare(&self) -> Command {
        let mut cmd = Command::from_std(self.bare_std());
        cmd.write_stdin("");
        cmd
    }

    fn bare_std(&self) -> StdCommand {
        let mut cmd = StdCommand::new(env!("CARGO_BIN_EXE_platctl"));
        self.isolate(&mut cmd);
        cmd
    }

    /// A private HOME and temporary directory, and none of the caller's configuration.
    fn isolate(&self, cmd: &mut StdCommand) {
        for (key, _) in std::env::vars() {
            if key.starts_with("PLATCTL_")
                || key.starts_with("XDG_")
                || key.starts_with("BACKUP_")
                || key.starts_with("AWS_")
                || key == "DATABASE_URL"
                || key == "DATABASE_DIRECT_URL"
                || key == "SENDGRID_API_KEY"
                || key == "NO_COLOR"
            {
                cmd.env_remove(key);
            }
        }
        cmd.env("HOME", self.home())
            .env("USER", "tester")
            .env("TMPDIR", self.dir.path());
        if self.pooled {
            cmd.env("DATABASE_DIRECT_URL", &self.direct);
        }
    }

    /// Like [`TestEnv::cmd`], as a std command to spawn in the background.
    pub fn std_cmd(&self) -> StdCommand {
        let mut cmd = self.bare_std();
        cmd.env("DATABASE_URL", &self.url).stdin(Stdio::null());
        cmd
    }

    /// `platctl ARGS` started in the background, its stdout and stderr piped.
    pub fn spawn(&self, args: &[&str]) -> std::process::Child {
        self.std_cmd()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    }

    /// platctl pointed at this test's database through DATABASE_URL.
    pub fn cmd(&self) -> Command {
        let mut cmd = self.bare();
        cmd.env("DATABASE_URL", &self.url);
        cmd
    }

    /// `platctl ARGS` to be run in a real terminal of `cols` x `rows` (a pseudo-terminal made
    /// by util-linux `script`, whose stdin is what is typed and whose exit code is platctl's).
    pub fn terminal_cmd(&self, cols: u16, rows: u16, args: &[&str]) -> StdCommand {
        let script = which("script").unwrap_or_else(|| {
            panic!(
                "the terminal tests need util-linux `script` (Debian/Ubuntu: apt-get install \
                 bsdutils)"
            )
        });
        let quote = |s: &str| format!("'{}'", s.replace('\'', "'\\''"));
        let mut line = format!("stty cols {cols} rows {rows} 2>/dev/null; exec ");
        line.push_str(&quote(env!("CARGO_BIN_EXE_platctl")));
        for arg in args {
            line.push(' ');
            line.push_str(&quote(arg));
        }
        let mut child = StdCommand::new(script);
        self.isolate(&mut child);
        child
            .env("DATABASE_URL", &self.url)
            .env("TERM", "xterm-256color")
            .args(["-qec", &line, "/dev/null"]);
        child
    }

    /// Run `platctl ARGS` in a real terminal (a pseudo-terminal made by util-linux `script`)
    /// of `cols` x `rows`, typing `input`; returns what the terminal showed (stdout and stderr
    /// together, `\r\n` as `\n`) and the exit code. `extra_env` adds variables.
    pub fn terminal(
        &self,
        cols: u16,
        rows: u16,
        args: &[&str],
        input: &str,
        extra_env: &[(&str, &str)],
    ) -> Run {
        let mut child = self.terminal_cmd(cols, rows, args);
        child
            .envs(extra_env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = child.spawn().unwrap();
        {
            use std::io::Write;
            let mut stdin = child.stdin.take().unwrap();
            stdin.write_all(input.as_bytes()).unwrap();
            // Keep the terminal open until platctl has read what it needs.
            std::thread::sleep(std::time::Duration::from_millis(300));
        }
        let out = child.wait_with_output().unwrap();
        let mut run = Run::from(out);
        run.stdout = run.stdout.replace("\r\n", "\n");
        run
    }

    /// Run `platctl ARGS` and return it, with stdout, stderr and code.
    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(self.cmd().args(args).output().unwrap())
    }

    /// Every permission of the catalogue (`resource:action`), as `permissions list` gives them.
    pub fn permissions(&self) -> Vec<String> {
        self.ok(&["permissions", "list", "-o", "json"])
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["permission"].as_str().unwrap().to_string())
            .collect()
    }

    /// Run and insist on exit 0.
    pub fn ok(&self, args: &[&str]) -> Run {
        let run = self.run(args);
        assert_eq!(run.code, 0, "platctl {args:?} failed:\n{run}");
        run
    }

    /// Create `user` and give them `role` in `org` (which exists).
    pub fn member(&self, user: &str, org: &str, role: &str) {
        self.ok(&["-q", "users", "create", user]);
        self.ok(&[
            "-q", "roles", "assign", "--user", user, "--org", org, "--role", role,
        ]);
    }

    /// Apply every migration.
    pub fn migrated(self) -> TestEnv {
        self.ok(&["-q", "migrate", "run"]);
        self
    }

    // --- direct checks of the database, with sqlx, not through platctl -----------------------

    pub fn query_strings(&self, sql: &str) -> Vec<String> {
        self.query_strings_at(&self.direct, sql)
    }

    /// Rows of one text column from another database of the same kind.
    pub fn query_strings_at(&self, url: &str, sql: &str) -> Vec<String> {
        let rows: Vec<Option<String>> = on_connection!(self, url, c => {
            sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
                .fetch_all(&mut c)
                .await
                .unwrap()
        });
        rows.into_iter().map(Option::unwrap_or_default).collect()
    }

    /// A single text value (write `CAST(x AS TEXT)` for non-text columns).
    pub fn query_string(&self, sql: &str) -> String {
        let mut rows = self.query_strings(sql);
        assert_eq!(rows.len(), 1, "expected one row from {sql}, got {rows:?}");
        rows.remove(0)
    }

    pub fn count(&self, sql: &str) -> i64 {
        self.count_at(&self.direct, sql)
    }

    pub fn count_at(&self, url: &str, sql: &str) -> i64 {
        on_connection!(self, url, c => {
            sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
                .fetch_one(&mut c)
                .await
                .unwrap()
        })
    }

    pub fn exec(&self, sql: &str) {
        if let Err(e) = self.try_exec(sql) {
            panic!("{sql}: {e}");
        }
    }

    /// Like [`TestEnv::exec`], saying whether the database took it.
    pub fn try_exec(&self, sql: &str) -> Result<(), String> {
        on_connection!(self, &self.direct, c => {
            sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_string()))
                .execute(&mut c)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string())
        })
    }

    /// A new, empty database of the same kind, for restores: its URL.
    pub fn another_database(&self) -> String {
        match &self.server {
            None => {
                let n = uuid::Uuid::new_v4().simple().to_string();
                format!(
                    "sqlite://{}",
                    self.dir.path().join(format!("other-{n}.db")).display()
                )
            }
            Some(server) => server.new_database(&self.rt).1,
        }
    }

    /// The number of user tables in a database (0: empty).
    pub fn tables_at(&self, url: &str) -> i64 {
        let sql = match self.kind {
            Kind::Sqlite => {
                if let Some(path) = url.strip_prefix("sqlite://")
                    && !std::path::Path::new(path).exists()
                {
                    return 0;
                }
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            }
            Kind::Postgres => {
                "SELECT COUNT(*) FROM information_schema.tables \
                 WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
            }
        };
        self.count_at(url, sql)
    }

    pub fn table_exists(&self, table: &str) -> bool {
        let sql = match self.kind {
            Kind::Sqlite => format!(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"
            ),
            Kind::Postgres => format!(
                "SELECT COUNT(*) FROM information_schema.tables \
                 WHERE table_schema = 'public' AND table_name = '{table}'"
            ),
        };
        self.count(&sql) == 1
    }

    /// Run a future on this test's runtime (for holding locks, etc.).
    pub fn block_on<F: std::future::Future>(&self, f: F) -> F::Output {
        self.rt.block_on(f)
    }
}

impl Drop for TestEnv {
    fn drop(&mut self) {
        // A cluster of our own is removed whole; on an external server, clean up.
        if let (Some(name), Some(server)) = (&self.db_name, &self.server)
            && server.external
        {
            let admin = server.admin.clone();
            let name = name.clone();
            self.rt.block_on(async move {
                if let Ok(mut conn) = sqlx::PgConnection::connect(&admin).await {
                    let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                    )))
                    .execute(&mut conn)
                    .await;
                    let _ = conn.close().await;
                }
            });
        }
    }
}

/// A program on PATH.
pub fn which(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let path_start = base[scheme_end..]
        .find('/')
        .map(|i| i + scheme_end)
        .unwrap_or(base.len());
    let mut out = format!("{}/{name}", &base[..path_start]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// The outcome of one platctl run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Every password and secret the tests hand to platctl. Whatever platctl prints, in any test,
/// must contain none of them: [`Run`] checks each run as it is made.
pub const SECRETS: &[&str] = &[
    "s3cr3tpw",
    "hunter2",
    "pw123",
    "topsecretvalue",
    "kvsecret",
    "p#w3x9",
    "p/w3x9",
    "p?w3x9",
    "p@w3x9",
    "p'w3x9",
    "p w3x9",
    crate::s3server::SECRET_KEY,
];

/// Whether `text` holds a whole API key (`sk_live_` or `sk_test_` and 32 key characters).
pub fn has_whole_key(text: &str) -> bool {
    ["sk_live_", "sk_test_"].iter().any(|prefix| {
        text.match_indices(prefix).any(|(at, _)| {
            let rest = &text[at + prefix.len()..];
            rest.len() >= 32 && rest.as_bytes()[..32].iter().all(u8::is_ascii_alphanumeric)
        })
    })
}

impl From<std::process::Output> for Run {
    fn from(o: std::process::Output) -> Self {
        let run = Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        };
        run.assert_keeps_secrets();
        run
    }
}

impl Run {
    /// No test secret anywhere in what platctl printed, and no whole API key in its messages
    /// (stdout carries a key only on its one showing, by `keys create` and `keys rotate`).
    pub fn assert_keeps_secrets(&self) {
        for secret in SECRETS {
            assert!(
                !self.all_output().contains(secret),
                "platctl printed the secret `{secret}`:\n{self}"
            );
        }
        assert!(
            !has_whole_key(&self.stderr),
            "platctl printed a whole API key on stderr:\n{self}"
        );
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{self}"))
    }

    pub fn all_output(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// A server of tests/fixtures (aiosmtpd's SMTP, the SendGrid stand-in) on a free loopback
/// port, writing what it receives to `dir`; stopped on drop.
pub struct FixtureServer {
    child: std::process::Child,
    pub port: u16,
    pub dir: std::path::PathBuf,
}

impl Drop for FixtureServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The suite's Python: the virtualenv `scripts/test` makes, with the SMTP server (aiosmtpd),
/// its certificates (trustme) and the outside judges of outputs (nagiosplugin).
pub fn test_python() -> std::path::PathBuf {
    let venv = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-venv/bin/python");
    let python = std::env::var_os("PLATCTL_TEST_PYTHON")
        .map(std::path::PathBuf::from)
        .unwrap_or(venv);
    let ok = std::process::Command::new(&python)
        .args([
            "-c",
            "import aiosmtpd, trustme, nagiosplugin, prometheus_client, openapi_spec_validator, sentry_sdk",
        ])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "these tests need Python with aiosmtpd, trustme, nagiosplugin, prometheus_client, openapi_spec_validator and sentry_sdk at {} (scripts/test \
         installs them: python3 -m venv target/test-venv && target/test-venv/bin/pip install \
         aiosmtpd trustme nagiosplugin prometheus-client openapi-spec-validator sentry-sdk), or PLATCTL_TEST_PYTHON pointing at a python that has \
         them",
        python.display()
    );
    python
}

pub fn fixture_server(env: &TestEnv, script: &str, dir: &str, extra: &[&str]) -> FixtureServer {
    use std::io::BufRead;
    let port = free_port();
    let dir = env.path(dir);
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(script);
    let mut child = std::process::Command::new(test_python())
        .arg(&script)
        .arg(port.to_string())
        .arg(&dir)
        .args(extra)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(line.trim(), "ready", "{} did not start", script.display());
    FixtureServer { child, port, dir }
}

/// A loopback port nothing listens on (bound, then let go).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Ask `probe` every 10 ms until it holds; fail once `bound` has passed.
pub fn within(bound: std::time::Duration, what: &str, mut probe: impl FnMut() -> bool) {
    let start = std::time::Instant::now();
    while !probe() {
        assert!(
            start.elapsed() < bound,
            "{what}: not after {:?}",
            start.elapsed()
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// Run a program nobody here wrote (jq, Python's parsers, promtool …) on `input`, and return
/// what it printed: the judge of an output is the program that reads it (a name on PATH, or a
/// path). A missing program
/// fails the test naming the package that has it; so does the program refusing the input.
pub fn outside(program: &str, package: &str, args: &[&str], input: &str) -> String {
    use std::io::Write;
    let path = match program.contains('/') {
        true => PathBuf::from(program),
        false => which(program).unwrap_or_else(|| {
            panic!(
                "this test needs {program}: install it (Debian/Ubuntu: apt-get install {package})"
            )
        }),
    };
    let mut child = StdCommand::new(path)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(
        out.status.success(),
        "{program} {args:?} refused the input: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
