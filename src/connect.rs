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
            &server.value,
            settings.server_ca_file.as_ref().map(|f| f.value.as_path()),
            settings.api_key.as_ref().map(|k| k.value.clone()),
            settings.connect_timeout.value,
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
        rate_limit_max: settings.rate_limit_max.value,
        rate_limit_ttl: settings.rate_limit_ttl.value,
        auth_failures_per_minute: settings.rate_limit_auth_failures.value,
        max_connections: settings.max_connections.value,
        cors_origin: settings.cors_origin.as_ref().map(|c| c.value.clone()),
        trusted_proxies: settings
            .trusted_proxies
            .as_ref()
            .map(|t| t.value.clone())
            .unwrap_or_default(),
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
        timeout: settings.connect_timeout.value,
        origin: settings.database_origin(),
    };
    let principal = match &settings.act_as {
        Some(email) => Principal::User(email.clone()),
        None => Principal::Operator,
    };
    Core::new(
        settings.database.clone(),
        connect,
        principal,
        backup_config(settings),
        settings
            .audit_signing_key_file
            .as_ref()
            .map(|f| f.value.clone()),
        crate::core::EmailConfig {
            templates_dir: settings
                .email_templates_dir
                .as_ref()
                .map(|d| d.value.clone()),
            from: settings.email_from.as_ref().map(|f| f.value.clone()),
            smtp_url: settings.smtp_url.as_ref().map(|u| u.value.clone()),
            smtp_ca_file: settings.smtp_ca_file.as_ref().map(|f| f.value.clone()),
            sendgrid_api_key: settings.sendgrid_api_key.as_ref().map(|k| k.value.clone()),
            sendgrid_api_url: settings.sendgrid_api_url.as_ref().map(|u| u.value.clone()),
        },
    )
    .confirming_keys_within(settings.key_confirm_within.value)
}

/// How backups are taken, from the settings.
fn backup_config(settings: &Settings) -> crate::backup::Config {
    let mut compression = crate::backup::compress::Options::default_for_machine();
    compression.level = settings.backup_compression_level.value;
    let enabled = &settings.backup_enabled;
    crate::backup::Config {
        storage: settings.backup_dir.value.clone(),
        compression,
        s3: settings.s3_options(),
        pg_bin_dir: settings.pg_bin_dir.as_ref().map(|d| d.value.clone()),
        disabled_by: (!enabled.value)
            .then(|| enabled.source.given("backup_enabled", &enabled.text)),
        retention_days: settings.backup_retention_days.value,
    }
}
