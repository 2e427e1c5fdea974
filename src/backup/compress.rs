//! Compression on every core. gzip: the input is cut into chunks, each compressed on its own
//! thread into a complete gzip member, and the members are written out in order; concatenated
//! members are one valid `.gz` file for `gunzip`, `zcat` and every gzip library (RFC 1952,
//! section 2.2). zstd: one frame, from libzstd's own worker threads. Memory is bounded: at most
//! `threads x 3` chunks are in flight (gzip), or libzstd's window per worker, whatever the
//! input size. Decompression, for restores, is [`reader`].

use std::collections::BTreeMap;
use std::io::{BufReader, Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};

use libdeflater::{CompressionLvl, Compressor};

use crate::error::{Error, Result};
pub use crate::proto::backup::Compression;

/// Level 5, measured on the platform benchmark (README, "Performance"): libdeflate at level 5
/// writes 6% less than `gzip -6` for about a third of its CPU; levels 1 to 5 take the same wall
/// time there on 2 cores, 6 and above cost more CPU than the dump leaves free.
pub const DEFAULT_LEVEL: u32 = 5;
/// zstd's own default, as `zstd` uses it.
pub const DEFAULT_ZSTD_LEVEL: u32 = 3;
/// The highest level of each: gzip counts 1-9, zstd 1-19 (above are `--ultra` levels whose
/// windows would break the flat memory).
pub const MAX_GZIP_LEVEL: u32 = 9;
pub const MAX_ZSTD_LEVEL: u32 = 19;
/// Bytes of input per zstd job (libzstd's least is 512 KiB; see `zstd_frame`).
const ZSTD_JOB_SIZE: u32 = 4 << 20;

#[derive(Debug, Clone)]
pub struct Options {
    pub codec: Compression,
    /// Compression level, 1 (fast) to 9 (small) for gzip, to 19 for zstd.
    pub level: u32,
    pub threads: usize,
    pub chunk_size: usize,
}

impl Options {
    pub fn default_for_machine() -> Options {
        Options {
            codec: Compression::Gzip,
            level: DEFAULT_LEVEL,
            threads: std::thread::available_parallelism()
                .map_or(2, |n| n.get())
                .clamp(1, 8),
            chunk_size: 1 << 20,
        }
    }
}

/// One gzip member holding `data`. libdeflate compresses a whole buffer at once, which is what
/// a chunk is, with less CPU than zlib for the same size.
fn gzip(
    compressor: &mut Option<(u32, Compressor)>,
    data: &[u8],
    level: u32,
) -> std::io::Result<Vec<u8>> {
    let compressor = match compressor {
        Some((l, c)) if *l == level => c,
        slot => {
            let lvl = CompressionLvl::new(level as i32).map_err(|e| {
                std::io::Error::new(std::io::ErrorKind::InvalidInput, format!("{e:?}"))
            })?;
            &mut slot.insert((level, Compressor::new(lvl))).1
        }
    };
    let mut out = vec![0u8; compressor.gzip_compress_bound(data.len())];
    let n = compressor
        .gzip_compress(data, &mut out)
        .map_err(|e| std::io::Error::other(format!("{e:?}")))?;
    out.truncate(n);
    Ok(out)
}

fn read_full(input: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match input.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Compress `input` to the end. `inspect` sees each raw chunk in order; `sink` receives the
/// compressed bytes in order. Returns the number of raw bytes read.
pub fn compress<R, I, S>(input: R, opts: &Options, inspect: I, sink: S) -> Result<u64>
where
    R: Read,
    I: FnMut(&[u8]),
    S: FnMut(Vec<u8>) -> Result<()> + Send,
{
    match opts.codec {
        Compression::Gzip => gzip_parallel(input, opts, inspect, sink),
        Compression::Zstd => zstd_frame(input, opts, inspect, sink),
    }
}

/// A writer that hands what it is given to a sink in pieces of about 1 MiB. A sink's error is
/// kept, to be returned as it was rather than as an I/O error's text.
pub struct ToSink<S> {
    sink: S,
    buf: Vec<u8>,
    pub failed: Option<Error>,
}

const PIECE: usize = 1 << 20;

impl<S: FnMut(Vec<u8>) -> Result<()>> ToSink<S> {
    pub fn new(sink: S) -> Self {
        ToSink {
            sink,
            buf: Vec::with_capacity(PIECE),
            failed: None,
        }
    }

    fn hand_over(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let piece = std::mem::replace(&mut self.buf, Vec::with_capacity(PIECE));
        (self.sink)(piece).map_err(|e| {
            let io = std::io::Error::other(e.to_string());
            self.failed = Some(e);
            io
        })
    }

    /// The error to report for `err` from a writer above this one: the sink's own, if it was.
    pub fn error(&mut self, context: &str, err: std::io::Error) -> Error {
        self.failed
            .take()
            .unwrap_or_else(|| Error::io(context.to_string(), err))
    }
}

impl<S: FnMut(Vec<u8>) -> Result<()>> Write for ToSink<S> {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= PIECE {
            self.hand_over()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.hand_over()
    }
}

/// One zstd frame, compressed by libzstd's worker threads (one per core) while this thread
/// reads.
fn zstd_frame<R, I, S>(mut input: R, opts: &Options, mut inspect: I, sink: S) -> Result<u64>
where
    R: Read,
    I: FnMut(&[u8]),
    S: FnMut(Vec<u8>) -> Result<()> + Send,
{
    let mut out = ToSink::new(sink);
    let level = i32::try_from(opts.level.min(MAX_ZSTD_LEVEL)).unwrap_or(3);
    let workers = u32::try_from(opts.threads.max(1)).unwrap_or(1);
    let mut total = 0u64;
    let written = (|| -> std::io::Result<()> {
        let mut encoder = zstd::stream::write::Encoder::new(&mut out, level)?;
        encoder.multithread(workers)?;
        // Jobs of 4 MiB rather than libzstd's default keep each worker's buffers small: on a
        // 300 MB pgbench dump, peak RSS 42 MiB instead of 62, for 0.7% more bytes (2 MiB jobs:
        // 31 MiB, 5% more; 1 MiB: 26 MiB, 20% more).
        encoder.set_parameter(zstd::stream::raw::CParameter::JobSize(ZSTD_JOB_SIZE))?;
        // Frames say their size only when it is known up front; a checksum guards the data.
        encoder.include_checksum(true)?;
        let mut buf = vec![0u8; opts.chunk_size.max(1)];
        loop {
            let n = read_full(&mut input, &mut buf)?;
            if n == 0 {
                break;
            }
            inspect(&buf[..n]);
            total += n as u64;
            encoder.write_all(&buf[..n])?;
        }
        encoder.finish()?.flush()
    })();
    match written {
        Ok(()) => Ok(total),
        Err(e) => Err(out.error("compression failed", e)),
    }
}

/// A reader of what `compress` wrote with `codec`.
pub fn reader<'a, R: Read + Send + 'a>(
    codec: Compression,
    input: R,
) -> Result<Box<dyn Read + Send + 'a>> {
    Ok(match codec {
        // Large reads: each read of the storage is a trip through the async runtime.
        Compression::Gzip => Box::new(flate2::bufread::MultiGzDecoder::new(
            BufReader::with_capacity(1 << 20, input),
        )),
        Compression::Zstd => Box::new(
            zstd::stream::read::Decoder::with_buffer(BufReader::with_capacity(1 << 20, input))
                .map_err(|e| Error::io("cannot start reading the zstd stream", e))?,
        ),
    })
}

/// gzip members compressed on `threads` threads, written out in order.
fn gzip_parallel<R, I, S>(mut input: R, opts: &Options, mut inspect: I, sink: S) -> Result<u64>
where
    R: Read,
    I: FnMut(&[u8]),
    S: FnMut(Vec<u8>) -> Result<()> + Send,
{
    let threads = opts.threads.max(1);
    let permits = threads * 3;
    let failed = AtomicBool::new(false);
    let (permit_tx, permit_rx) = sync_channel::<()>(permits);
    for _ in 0..permits {
        let _ = permit_tx.send(());
    }
    let (job_tx, job_rx) = sync_channel::<(u64, Vec<u8>)>(permits);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (res_tx, res_rx) = sync_channel::<(u64, std::io::Result<Vec<u8>>)>(permits);

    std::thread::scope(|scope| {
        for _ in 0..threads {
            let jobs = Arc::clone(&job_rx);
            let results = res_tx.clone();
            let level = opts.level;
            scope.spawn(move || {
                let mut compressor = None;
                loop {
                    let job = match jobs.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok((seq, data)) = job else { return };
                    if results
                        .send((seq, gzip(&mut compressor, &data, level)))
                        .is_err()
                    {
                        return;
                    }
                }
            });
        }
        drop(res_tx);

        // The collector: members in order to the sink; a permit back for each.
        let failed_ref = &failed;
        let collector = scope.spawn(move || -> Result<()> {
            let mut sink = sink;
            let mut next = 0u64;
            let mut waiting: BTreeMap<u64, std::io::Result<Vec<u8>>> = BTreeMap::new();
            let mut outcome: Result<()> = Ok(());
            for (seq, member) in res_rx {
                waiting.insert(seq, member);
                while let Some(member) = waiting.remove(&next) {
                    next += 1;
                    if outcome.is_ok() {
                        outcome = member
                            .map_err(|e| Error::io("compression failed", e))
                            .and_then(&mut sink);
                        if outcome.is_err() {
                            failed_ref.store(true, Ordering::SeqCst);
                        }
                    }
                    let _ = permit_tx.send(());
                }
            }
            outcome
        });

        // The reader, on this thread.
        let mut read_result: Result<u64> = Ok(0);
        let mut total = 0u64;
        let mut seq = 0u64;
        loop {
            if failed.load(Ordering::SeqCst) || permit_rx.recv().is_err() {
                break;
            }
            let mut buf = vec![0u8; opts.chunk_size];
            let n = match read_full(&mut input, &mut buf) {
                Ok(n) => n,
                Err(e) => {
                    read_result = Err(Error::io("reading the dump failed", e));
                    break;
                }
            };
            if n == 0 && seq > 0 {
                break;
            }
            buf.truncate(n);
            inspect(&buf);
            total += n as u64;
            if job_tx.send((seq, buf)).is_err() {
                break;
            }
            seq += 1;
            if n < opts.chunk_size {
                break;
            }
        }
        drop(job_tx);
        let collected = collector
            .join()
            .unwrap_or_else(|_| Err(Error::internal("the compression collector panicked")));
        read_result
            .map(|_| total)
            .and_then(|t| collected.map(|()| t))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_members_decompress_to_the_input() {
        let input: Vec<u8> = (0..3_000_000u32)
            .flat_map(|i| (i % 251).to_le_bytes())
            .collect();
        let opts = Options {
            codec: Compression::Gzip,
            level: 4,
            threads: 3,
            chunk_size: 100_000,
        };
        let mut out = Vec::new();
        let mut seen = 0usize;
        let total = compress(
            &input[..],
            &opts,
            |c| seen += c.len(),
            |m| {
                out.extend(m);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(total as usize, input.len());
        assert_eq!(seen, input.len());
        let mut back = Vec::new();
        flate2::read::MultiGzDecoder::new(&out[..])
            .read_to_end(&mut back)
            .unwrap();
        assert!(back == input);
    }

    #[test]
    fn zstd_on_several_workers_reads_back_as_the_input() {
        let input: Vec<u8> = (0..3_000_000u32)
            .flat_map(|i| (i % 251).to_le_bytes())
            .collect();
        for empty in [false, true] {
            let input = if empty { &input[..0] } else { &input[..] };
            let opts = Options {
                codec: Compression::Zstd,
                level: 3,
                threads: 2,
                chunk_size: 100_000,
            };
            let mut out = Vec::new();
            let total = compress(
                input,
                &opts,
                |_| {},
                |m| {
                    out.extend(m);
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(total as usize, input.len());
            let mut back = Vec::new();
            reader(Compression::Zstd, &out[..])
                .unwrap()
                .read_to_end(&mut back)
                .unwrap();
            assert!(back == input);
        }
    }

    #[test]
    fn a_failing_sink_is_the_error_zstd_reports() {
        let input = vec![7u8; 20_000_000];
        let opts = Options {
            codec: Compression::Zstd,
            level: 1,
            threads: 2,
            chunk_size: 10_000,
        };
        let err = compress(
            &input[..],
            &opts,
            |_| {},
            |_| Err(Error::internal("disk full")),
        )
        .unwrap_err();
        assert!(err.to_string().contains("disk full"), "{err}");
    }

    #[test]
    fn empty_input_is_still_a_gzip_file() {
        let mut out = Vec::new();
        compress(
            &b""[..],
            &Options::default_for_machine(),
            |_| {},
            |m| {
                out.extend(m);
                Ok(())
            },
        )
        .unwrap();
        let mut back = Vec::new();
        flate2::read::MultiGzDecoder::new(&out[..])
            .read_to_end(&mut back)
            .unwrap();
        assert!(back.is_empty());
    }

    #[test]
    fn a_failing_sink_stops_the_reader() {
        let input = vec![7u8; 50_000_000];
        let opts = Options {
            codec: Compression::Gzip,
            level: 1,
            threads: 2,
            chunk_size: 10_000,
        };
        let mut calls = 0;
        let result = compress(
            &input[..],
            &opts,
            |_| {},
            |_| {
                calls += 1;
                if calls == 3 {
                    Err(Error::internal("disk full"))
                } else {
                    Ok(())
                }
            },
        );
        assert!(result.is_err());
    }
}
