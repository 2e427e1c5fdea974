//! Opening the backend the settings name: the one place that turns settings into a
//! [`Backend`]. Commands get their backend from here and see only the trait.

use crate::backend::Backend;
use crate::core::Core;
use crate::db::{ConnectOptions, Db};
use crate::error::Result;
use crate::proto::ops::Principal;
use crate::settings::Settings;

/// Open the backend the settings name. `create` allows creating a missing SQLite file.
pub async fn open(settings: &Settings, create: bool) -> Result<Box<dyn Backend>> {
    let opts = ConnectOptions {
        create,
        timeout: settings.connect_timeout.value,
        origin: settings.database_origin(),
    };
    let db = Db::connect(&settings.database, &opts).await?;
    tracing::debug!(database = %settings.database.display(), "connected");
    // A database a restore did not finish is never mistaken for a good one.
    if let Err(e) = crate::backup::marker::check(&db, &settings.database.display()).await {
        db.close().await;
        return Err(e);
    }
    Ok(Box::new(Core::new(
        db,
        settings.database.display(),
        match &settings.act_as {
            Some(email) => Principal::User(email.clone()),
            None => Principal::Operator,
        },
    )))
}
