//! Opening the backend the settings name: the one place that turns settings into a
//! [`Backend`]. Commands get their backend from here.

use crate::backend::Backend;
use crate::core::Core;
use crate::db::ConnectOptions;
use crate::error::Result;
use crate::proto::ops::Principal;
use crate::settings::Settings;

/// Open the backend the settings name. `create` allows creating a missing SQLite file. The
/// database is connected on first use.
pub async fn open(settings: &Settings, create: bool) -> Result<Backend> {
    if let Some(server) = &settings.server {
        if settings.act_as.is_some() {
            return Err(crate::error::Error::usage(
                "--as does not apply with --server: the API key is who acts",
            )
            .with_hint("drop --as, or use a key of that user"));
        }
        return Ok(Backend::Remote(crate::remote::Remote::new(
            server,
            settings.server_ca_file.as_deref(),
            settings.api_key.clone(),
            settings.connect_timeout,
        )?));
    }
    Ok(Backend::Core(core(settings, create)))
}

/// Run the admin API (`platctl serve`) over the database of the settings.
pub async fn serve(settings: &Settings, args: &crate::cli::ServeArgs) -> Result<()> {
    if settings.act_as.is_some() {
        return Err(crate::error::Error::usage(
            "serve acts for each request's API key: --as (PLATCTL_AS) has no place here",
        )
        .with_hint("drop --as; the health endpoints run as the operator"));
    }
    let config = crate::serve::Config {
        listen: args.listen,
        policy: settings.serve.clone(),
        request_timeout: args.request_timeout,
        shutdown_grace: args.shutdown_timeout,
        key_use_interval: std::time::Duration::from_secs(60),
        tls: args.tls_cert.clone().zip(args.tls_key.clone()),
    };
    crate::serve::run(core(settings, false), config).await
}

/// The core over the database of the settings, acting as the operator or the `--as` user.
fn core(settings: &Settings, create: bool) -> Core {
    let connect = ConnectOptions {
        create,
        timeout: settings.connect_timeout,
        origin: settings.database_origin(),
        pooler: settings.database_pooler,
        direct: settings.database_direct_url.clone(),
        direct_origin: settings.database_direct_origin.clone(),
        lock_timeout: settings.database_lock_timeout,
        statement_timeout: settings.database_statement_timeout,
    };
    let principal = match &settings.act_as {
        Some(email) => Principal::User(email.clone()),
        None => Principal::Operator,
    };
    Core::new(
        settings.database.clone(),
        connect,
        principal,
        settings.backup.clone(),
        settings.audit_signing_key_file.clone(),
        settings.email.clone(),
    )
    .confirming_keys_within(settings.key_confirm_within)
}
