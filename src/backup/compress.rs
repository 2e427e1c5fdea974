//! Parallel gzip: the input is cut into chunks, each compressed on its own thread into a
//! complete gzip member, and the members are written out in order. Concatenated members are one
//! valid `.gz` file for `gunzip`, `zcat` and every gzip library (RFC 1952, section 2.2).
//! Memory is bounded: at most `threads x 3` chunks are in flight, whatever the input size.

use std::collections::BTreeMap;
use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};

use libdeflater::{CompressionLvl, Compressor};

use crate::error::{Error, Result};

/// Level 5, measured on the platform benchmark (README, "Performance"): libdeflate at level 5
/// writes 6% less than `gzip -6` for about a third of its CPU; levels 1 to 5 take the same wall
/// time there on 2 cores, 6 and above cost more CPU than the dump leaves free.
pub const DEFAULT_LEVEL: u32 = 5;

#[derive(Debug, Clone)]
pub struct Options {
    /// Compression level, 1 (fast) to 9 (small), as gzip counts them.
    pub level: u32,
    pub threads: usize,
    pub chunk_size: usize,
}

impl Options {
    pub fn default_for_machine() -> Options {
        Options {
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
/// compressed members in order. Returns the number of raw bytes read.
pub fn compress<R, I, S>(mut input: R, opts: &Options, mut inspect: I, sink: S) -> Result<u64>
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
