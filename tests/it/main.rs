//! Integration tests: the built binary against real databases. One test binary (one link).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::panic
)]

mod common;

mod audit;
mod authz;
mod backup;
mod backup_crypt;
mod cli;
mod completion;
mod contract;
mod docs;
mod email;
mod faults;
mod fleet;
mod health;
mod hierarchy;
mod input;
mod interrupt;
mod key_states;
mod keys;
mod layers;
mod matrix;
mod migrate;
mod production;
mod rbac;
mod readme;
mod s3server;
mod secrets;
mod serve;
mod serve_hardening;
mod tamper;
mod terminal;
mod tls;
