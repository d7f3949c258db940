//! The main window opens at the size it was last left at. Kept in the app's own settings table
//! (in the data folder), not in a separate config file, so tests with their own data folder
//! never touch the user's.
//!
//! Sizes are saved as the window is resized, not only on close: a window can end without a
//! close request (killed, logged out, closed by automation). Resizing sends many events, so a
//! small thread writes the last size once the window has been still for a moment, keeping
//! database writes off the UI thread.

use std::sync::mpsc;
use std::sync::Mutex;
use std::time::Duration;

use samtalenotat_core::app::{App, WindowSize};
use tauri::{AppHandle, LogicalSize, Manager, Runtime, Window, WindowEvent};

/// How long the window must be still before its size is written.
const SETTLE: Duration = Duration::from_millis(400);

/// Sends sizes to the writer thread.
struct SizeSender(Mutex<mpsc::Sender<WindowSize>>);

/// Restores the saved size and starts the writer thread. Called from `setup`.
pub fn restore<R: Runtime>(app: &AppHandle<R>) {
    let (tx, rx) = mpsc::channel::<WindowSize>();
    app.manage(SizeSender(Mutex::new(tx)));
    let handle = app.clone();
    std::thread::spawn(move || {
        while let Ok(mut size) = rx.recv() {
            // Coalesce a burst of resize events into the last one.
            while let Ok(next) = rx.recv_timeout(SETTLE) {
                size = next;
            }
            if let Some(app) = handle.try_state::<App>() {
                // Losing the window size is harmless; never let it disturb the app.
                let _ = app.remember_window_size(size);
            }
        }
    });

    let (Some(state), Some(window)) = (app.try_state::<App>(), app.get_webview_window("main"))
    else {
        return;
    };
    if let Some(size) = state.window_size() {
        let _ = window.set_size(LogicalSize::new(size.width, size.height));
    }
}

/// Window events: a resize (or a close request) queues the current size for saving.
pub fn remember<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if window.label() != "main"
        || !matches!(
            event,
            WindowEvent::Resized(_) | WindowEvent::CloseRequested { .. }
        )
    {
        return;
    }
    let (Ok(size), Ok(scale)) = (window.inner_size(), window.scale_factor()) else {
        return;
    };
    let logical = size.to_logical::<f64>(scale);
    let size = WindowSize {
        width: logical.width,
        height: logical.height,
    };
    if matches!(event, WindowEvent::CloseRequested { .. }) {
        // The app may end right after this: write now, once.
        if let Some(app) = window.try_state::<App>() {
            let _ = app.remember_window_size(size);
        }
    } else if let Some(sender) = window.try_state::<SizeSender>() {
        if let Ok(tx) = sender.0.lock() {
            let _ = tx.send(size);
        }
    }
}
