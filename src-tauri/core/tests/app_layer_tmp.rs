#[path = "core/architecture.rs"]
mod architecture;
#[path = "core/cli.rs"]
mod cli;
#[path = "core/concurrency.rs"]
mod concurrency;
#[path = "core/finish_needs_note.rs"]
mod finish_needs_note;
#[path = "core/hostile_input.rs"]
mod hostile_input;
#[path = "core/trusted_keys.rs"]
mod trusted_keys;
