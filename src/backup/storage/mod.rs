//! Where backups live: a local directory or an S3 bucket (any S3-protocol store), behind one
//! trait, chosen from the storage string (`/var/backups/platform` or `s3://bucket/prefix`).
//!
//! Publishing is atomic on both: an artifact is invisible until complete (a `.partial` file
//! renamed into place; an S3 multipart upload completed), and the manifest, written after it,
//! is the commit point. `list` shows only backups with a manifest. Leftovers of interrupted runs
//! (partial files, artifacts without a manifest, unfinished multipart uploads) are removed by
//! the next run, while it holds the lock.

mod local;
mod s3;
mod shared;

use std::path::PathBuf;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::text::quote;
use local::LocalStorage;
use s3::S3Storage;
pub use s3::parse_size;
pub use shared::{
    ARTIFACT_SUFFIXES, ArtifactWriter, Holder, Lock, Reader, S3Credentials, S3Options, Sse, Storage,
};

/// Open the storage named by `text`.
pub async fn open(text: &str, s3: &S3Options) -> Result<Arc<dyn Storage>> {
    if let Some(rest) = text.strip_prefix("s3://") {
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(Error::usage(format!("{} names no bucket", quote(text)))
                .with_hint("use s3://BUCKET or s3://BUCKET/PREFIX"));
        }
        return Ok(Arc::new(S3Storage::new(bucket, prefix, s3).await?));
    }
    if let Some((scheme, _)) = text.split_once("://") {
        return Err(Error::usage(format!(
            "unsupported backup storage {}",
            quote(&format!("{scheme}://"))
        ))
        .with_hint("use a directory or s3://BUCKET/PREFIX"));
    }
    Ok(Arc::new(LocalStorage {
        dir: PathBuf::from(text),
    }))
}
