//! privatelink-prep: checks the data an Adobe Commerce (cloud, Pro plan) customer gathers to have
//! AWS PrivateLink or Azure Private Link enabled, and writes the support ticket that requests it.
//!
//! The core is plain Rust with no idea where it runs: the CLI (`src/main.rs`) and the browser
//! binding (`src/wasm.rs`, compiled for wasm32 only) both call [`check()`], [`check_json`] and
//! [`ticket::render`].

// Without the feature `change` (the page's main module) no change request is ever built, so the
// code that checks and renders one is unused there; it stays compiled, and the linker drops it.
#![cfg_attr(not(feature = "change"), allow(dead_code))]

pub mod change;
pub mod check;
pub mod dates;
pub mod diagnostic;
#[cfg(feature = "evidence")]
pub mod evidence;
pub mod guide;
pub mod host;
pub mod ids;
pub mod labels;
pub mod network;
pub mod pretty;
pub mod regions;
pub mod request;
pub mod rules;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod shell;
/// Escaping for the CLI's output. Not gated to native: the CLI binary is also compiled (not run)
/// by `cargo test --target wasm32-unknown-unknown`, and the module keeps none of it.
pub mod terminal;
mod text;
pub mod ticket;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use check::{check, check_json, Checked, JsonError};
pub use diagnostic::{Diagnostic, Report, Severity};
pub use request::Request;
pub use ticket::{render, Format, Ticket};

/// The crate version, as the CLI and the page report it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The module's allocator: talc is about 3 KB gzip smaller than the default (dlmalloc), and fast.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
