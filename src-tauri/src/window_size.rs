//! The main window opens at the size it was closed at. Kept in the app's own settings table
//! (in the data folder), not in a separate config file, so tests with their own data folder
//! never touch the user's.

use serde::{Deserialize, Serialize};
use tauri::{AppHandle, LogicalSize, Manager, Runtime, Window, WindowEvent};

use crate::AppState;

const KEY: &str = "window_size";
/// Sizes outside this range are ignored (a broken value must not hide the window).
const MIN: f64 = 600.0;
const MAX: f64 = 10_000.0;

#[derive(Debug, Serialize, Deserialize)]
struct WindowSize {
    width: f64,
    height: f64,
}

pub fn restore<R: Runtime>(app: &AppHandle<R>) {
    let (Some(state), Some(window)) = (app.try_state::<AppState>(), app.get_webview_window("main"))
    else {
        return;
    };
    let saved: Option<WindowSize> = state.store().setting(KEY).ok().flatten();
    if let Some(size) =
        saved.filter(|s| (MIN..MAX).contains(&s.width) && (MIN..MAX).contains(&s.height))
    {
        let _ = window.set_size(LogicalSize::new(size.width, size.height));
    }
}

pub fn remember<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if window.label() != "main" || !matches!(event, WindowEvent::CloseRequested { .. }) {
        return;
    }
    let (Ok(size), Ok(scale)) = (window.inner_size(), window.scale_factor()) else {
        return;
    };
    let logical = size.to_logical::<f64>(scale);
    if let Some(state) = window.try_state::<AppState>() {
        // Losing the window size is harmless; never block closing on it.
        let _ = state.store().set_setting(
            KEY,
            &WindowSize {
                width: logical.width,
                height: logical.height,
            },
        );
    }
}
