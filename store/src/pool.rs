//! A small connection pool: connections are opened on demand up to a maximum, handed out one
//! per operation and returned afterwards, unless the operation found them broken.

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use crate::error::{Result, StoreError};

/// Opens one connection.
pub(crate) type Connect<C> = Box<dyn Fn() -> Result<C> + Send + Sync>;

pub(crate) struct Pool<C> {
    state: Mutex<State<C>>,
    returned: Condvar,
    max: usize,
    wait: Duration,
    connect: Connect<C>,
    backend: &'static str,
}

struct State<C> {
    idle: Vec<C>,
    open: usize,
}

impl<C> std::fmt::Debug for Pool<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool")
            .field("backend", &self.backend)
            .field("max", &self.max)
            .finish_non_exhaustive()
    }
}

impl<C> Pool<C> {
    pub(crate) fn new(
        backend: &'static str,
        max: usize,
        wait: Duration,
        connect: Connect<C>,
    ) -> Self {
        Pool {
            state: Mutex::new(State {
                idle: Vec::new(),
                open: 0,
            }),
            returned: Condvar::new(),
            max: max.max(1),
            wait,
            connect,
            backend,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State<C>> {
        // A panic while holding this lock cannot leave the state inconsistent (a push or a
        // counter update), so a poisoned lock is still usable.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A connection: an idle one, a new one while fewer than the maximum are open, or the
    /// next one returned within the wait.
    pub(crate) fn get(&self) -> Result<Pooled<'_, C>> {
        let deadline = Instant::now() + self.wait;
        let mut state = self.lock();
        loop {
            if let Some(conn) = state.idle.pop() {
                return Ok(Pooled {
                    pool: self,
                    conn: Some(conn),
                    broken: false,
                });
            }
            if state.open < self.max {
                state.open += 1;
                drop(state);
                return match (self.connect)() {
                    Ok(conn) => Ok(Pooled {
                        pool: self,
                        conn: Some(conn),
                        broken: false,
                    }),
                    Err(e) => {
                        self.lock().open -= 1;
                        self.returned.notify_one();
                        Err(e)
                    }
                };
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(StoreError::Busy {
                    backend: self.backend,
                });
            }
            state = self
                .returned
                .wait_timeout(state, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }
}

/// A connection on loan; returned to the pool when dropped, or closed when marked broken.
pub(crate) struct Pooled<'a, C> {
    pool: &'a Pool<C>,
    conn: Option<C>,
    broken: bool,
}

impl<C> std::fmt::Debug for Pooled<'_, C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pooled")
            .field("broken", &self.broken)
            .finish_non_exhaustive()
    }
}

impl<C> Pooled<'_, C> {
    /// The connection (present until drop).
    pub(crate) fn conn(&mut self) -> Result<&mut C> {
        self.conn.as_mut().ok_or(StoreError::Unavailable {
            backend: self.pool.backend,
            reason: "connection already returned",
        })
    }

    /// Closes the connection instead of returning it (the server went away, or its state is
    /// unknown after a failure).
    pub(crate) fn discard(&mut self) {
        self.broken = true;
    }
}

impl<C> Drop for Pooled<'_, C> {
    fn drop(&mut self) {
        let conn = self.conn.take();
        let mut state = self.pool.lock();
        match conn {
            Some(conn) if !self.broken => state.idle.push(conn),
            _ => state.open -= 1,
        }
        drop(state);
        self.pool.returned.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn opens_up_to_the_maximum_then_waits_then_times_out() {
        let opened = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&opened);
        let pool: Pool<usize> = Pool::new(
            "test",
            2,
            Duration::from_millis(50),
            Box::new(move || Ok(counter.fetch_add(1, Ordering::SeqCst))),
        );
        let mut a = pool.get().unwrap();
        let b = pool.get().unwrap();
        assert_eq!(pool.get().unwrap_err().code(), "store.busy");
        drop(b);
        let c = pool.get().unwrap();
        assert_eq!(
            opened.load(Ordering::SeqCst),
            2,
            "the returned one is reused"
        );
        drop(c);
        a.discard();
        drop(a);
        let _d = pool.get().unwrap();
        let _e = pool.get().unwrap();
        assert_eq!(
            opened.load(Ordering::SeqCst),
            3,
            "a discarded one is replaced"
        );
    }

    #[test]
    fn a_failed_connect_frees_its_place() {
        let pool: Pool<()> = Pool::new(
            "test",
            1,
            Duration::from_millis(10),
            Box::new(|| {
                Err(StoreError::Unavailable {
                    backend: "test",
                    reason: "refused",
                })
            }),
        );
        assert_eq!(
            pool.get().err().map(|e| e.code()),
            Some("store.unavailable")
        );
        assert_eq!(
            pool.get().err().map(|e| e.code()),
            Some("store.unavailable")
        );
    }
}
