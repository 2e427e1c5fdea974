//! A bound on the connections open at once (`PLATCTL_MAX_CONNECTIONS`), so that clients that
//! connect and say nothing (half-open or idle sockets, by the thousand) cannot use up the
//! process's file descriptors and starve the others — liveness probes among them.
//!
//! At the bound, a new connection takes the place of the oldest one that has not sent a single
//! byte (which has no request in flight, and whose client may never speak); when every open
//! connection has spoken, the new one is refused (closed at once). Connections that speak but
//! never finish a request head are closed by the header-read timeout (`serve::HEADER_TIMEOUT`).

use std::collections::BTreeMap;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use axum_server::accept::Accept;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio_util::sync::{CancellationToken, WaitForCancellationFutureOwned};

/// The connections open, and how many there may be.
pub struct Connections {
    max: usize,
    open: Mutex<Open>,
}

#[derive(Default)]
struct Open {
    next: u64,
    /// By age: the oldest first.
    conns: BTreeMap<u64, Conn>,
}

struct Conn {
    spoke: Arc<AtomicBool>,
    evict: CancellationToken,
}

impl Connections {
    pub fn new(max: usize) -> Arc<Connections> {
        Arc::new(Connections {
            max: max.max(1),
            open: Mutex::new(Open::default()),
        })
    }

    /// A place for a new connection: a free one, or the oldest silent connection's (which is
    /// closed); `None` when every connection open has spoken.
    fn admit(self: &Arc<Self>) -> Option<Slot> {
        let mut open = self.open.lock().ok()?;
        if open.conns.len() >= self.max {
            let silent = open
                .conns
                .iter()
                .find(|(_, c)| !c.spoke.load(Ordering::Acquire))
                .map(|(id, _)| *id)?;
            if let Some(conn) = open.conns.remove(&silent) {
                conn.evict.cancel();
            }
        }
        let id = open.next;
        open.next = open.next.wrapping_add(1);
        let spoke = Arc::new(AtomicBool::new(false));
        let evict = CancellationToken::new();
        open.conns.insert(
            id,
            Conn {
                spoke: spoke.clone(),
                evict: evict.clone(),
            },
        );
        Some(Slot {
            id,
            connections: self.clone(),
            spoke,
            evicted: Box::pin(evict.cancelled_owned()),
        })
    }

    /// How many are open.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.open.lock().map(|o| o.conns.len()).unwrap_or_default()
    }
}

/// A connection's place, given back when the connection closes.
struct Slot {
    id: u64,
    connections: Arc<Connections>,
    spoke: Arc<AtomicBool>,
    evicted: Pin<Box<WaitForCancellationFutureOwned>>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Ok(mut open) = self.connections.open.lock() {
            open.conns.remove(&self.id);
        }
    }
}

/// The acceptor that counts connections (under TLS, if any: it sees the raw socket).
#[derive(Clone)]
pub struct Limited(pub Arc<Connections>);

impl<I, S> Accept<I, S> for Limited {
    type Stream = Counted<I>;
    type Service = S;
    type Future = std::future::Ready<io::Result<(Counted<I>, S)>>;

    fn accept(&self, stream: I, service: S) -> Self::Future {
        std::future::ready(match self.0.admit() {
            Some(slot) => Ok((Counted { io: stream, slot }, service)),
            // Dropping the stream closes it.
            None => Err(io::Error::other(
                "too many connections, each with a request under way",
            )),
        })
    }
}

/// An accepted connection: it holds its slot until it closes, and reads as closed once it has
/// made way for a newer one.
pub struct Counted<I> {
    io: I,
    slot: Slot,
}

impl<I: AsyncRead + Unpin> AsyncRead for Counted<I> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if this.slot.evicted.as_mut().poll(cx).is_ready() {
            return Poll::Ready(Ok(())); // end of stream: the server closes it
        }
        let before = buf.filled().len();
        let read = Pin::new(&mut this.io).poll_read(cx, buf);
        if buf.filled().len() > before {
            this.slot.spoke.store(true, Ordering::Release);
        }
        read
    }
}

impl<I: AsyncWrite + Unpin> AsyncWrite for Counted<I> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().io).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().io).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    #[tokio::test]
    async fn a_silent_connection_makes_way_and_a_speaking_one_does_not() {
        let connections = Connections::new(2);
        let limited = Limited(connections.clone());
        let (mut client_a, server_a) = tokio::io::duplex(64);
        let (_client_b, server_b) = tokio::io::duplex(64);
        let (mut a, ()) = limited.accept(server_a, ()).await.unwrap();
        let (mut b, ()) = limited.accept(server_b, ()).await.unwrap();
        // A speaks; B does not.
        client_a.write_all(b"GET").await.unwrap();
        let mut buf = [0u8; 8];
        assert_eq!(a.read(&mut buf).await.unwrap(), 3);
        // A third takes B's place: B reads as closed.
        let (_client_c, server_c) = tokio::io::duplex(64);
        let (mut c, ()) = limited.accept(server_c, ()).await.unwrap();
        assert_eq!(b.read(&mut buf).await.unwrap(), 0);
        assert_eq!(connections.len(), 2);
        // A fourth finds A (which spoke) and C (which has not): C makes way.
        let (mut client_d, server_d) = tokio::io::duplex(64);
        let (mut d, ()) = limited.accept(server_d, ()).await.unwrap();
        assert_eq!(c.read(&mut buf).await.unwrap(), 0);
        assert_eq!(connections.len(), 2);
        // Once every connection open has spoken, a new one is refused.
        client_d.write_all(b"GET").await.unwrap();
        assert_eq!(d.read(&mut buf).await.unwrap(), 3);
        let (_client_e, server_e) = tokio::io::duplex(64);
        assert!(limited.accept(server_e, ()).await.is_err());
        // A closed connection gives its place back.
        drop(a);
        assert_eq!(connections.len(), 1);
        let (_client_f, server_f) = tokio::io::duplex(64);
        assert!(limited.accept(server_f, ()).await.is_ok());
    }
}
