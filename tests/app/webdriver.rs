//! A small W3C WebDriver client over blocking HTTP, enough to drive the app window:
//! sessions, finding elements, clicking, typing, reading text, screenshots.
//!
//! Why not fantoccini or WebdriverIO: they bring an async runtime or a Node test stack for the
//! dozen endpoints used here; this keeps the e2e build small and the failures readable.

use std::io::Read;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{json, Value};

/// The element reference key defined by the W3C spec.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port()
}

/// A running `tauri-driver` (which starts WebKitWebDriver, which starts the app and WebKit's
/// helper processes), in a process group of its own. On drop the whole group is stopped and
/// the drop fails the test if any process of it is still alive: killing only tauri-driver
/// used to leave one WebKitWebDriver running per test. The app it launches inherits this
/// process's environment plus `env`.
pub struct Driver {
    child: Child,
    pub url: String,
    log: PathBuf,
}

impl Driver {
    pub fn start(env: &[(&str, &Path)], log: PathBuf) -> Driver {
        let port = free_port();
        let native_port = free_port();
        let tauri_driver = which("tauri-driver").unwrap_or_else(|| {
            panic!(
                "tauri-driver not found on PATH or in ~/.cargo/bin: the end-to-end tests \
                 need it; scripts/test.sh installs it"
            )
        });
        let native = which("WebKitWebDriver").unwrap_or_else(|| {
            panic!("WebKitWebDriver not found (Debian package webkit2gtk-driver)")
        });
        let log_file = std::fs::File::create(&log).expect("driver log");
        let mut cmd = Command::new(tauri_driver);
        cmd.arg("--port")
            .arg(port.to_string())
            .arg("--native-port")
            .arg(native_port.to_string())
            .arg("--native-driver")
            .arg(native)
            .stdin(Stdio::null())
            .stdout(log_file.try_clone().unwrap())
            .stderr(log_file);
        for (k, v) in env {
            cmd.env(k, v);
        }
        {
            use std::os::unix::process::CommandExt;
            cmd.process_group(0);
        }
        let child = cmd.spawn().expect("start tauri-driver");
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while ureq::get(&format!("{url}/status")).call().is_err() {
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not answer on {url}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver { child, url, log }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = self.child.id();
        stop_group(group);
        let _ = self.child.wait();
        let left = group_members(group);
        if !left.is_empty() && !std::thread::panicking() {
            panic!("processes of the e2e driver's group still run after stopping it: {left:?}");
        }
    }
}

/// Stops every process of group `group`: TERM, a moment's grace, then KILL.
pub fn stop_group(group: u32) {
    let signal = |sig: &str| {
        let _ = Command::new("kill")
            .args([sig, "--", &format!("-{group}")])
            .stderr(Stdio::null())
            .status();
    };
    signal("-TERM");
    let deadline = Instant::now() + Duration::from_secs(3);
    while !group_members(group).is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    signal("-KILL");
    let deadline = Instant::now() + Duration::from_secs(3);
    while !group_members(group).is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Live (not zombie) processes whose process group is `group`, as "pid name".
pub fn group_members(group: u32) -> Vec<String> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return out;
    };
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        // "pid (comm) state ppid pgrp ...": comm may hold spaces, so split after ')'.
        let Some((head, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let (state, pgrp) = (fields.first().copied(), fields.get(2).copied());
        if pgrp == Some(&group.to_string()) && state != Some("Z") {
            let name = head.split_once('(').map_or("", |(_, n)| n);
            out.push(format!("{pid} {name}"));
        }
    }
    out
}

fn which(name: &str) -> Option<PathBuf> {
    let home_cargo = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo/bin"));
    std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .chain(home_cargo)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// One WebDriver session = one running app window.
pub struct Session {
    base: String,
}

#[derive(Clone, Debug)]
pub struct Element {
    id: String,
}

impl Session {
    pub fn start(driver: &Driver, application: &Path) -> Session {
        let caps = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "wry",
                "tauri:options": { "application": application }
            }}
        });
        let answer = post(&format!("{}/session", driver.url), caps)
            .unwrap_or_else(|e| panic!("new session failed: {e}\n{}", driver.log()));
        let id = answer["value"]["sessionId"]
            .as_str()
            .expect("sessionId")
            .to_owned();
        Session {
            base: format!("{}/session/{id}", driver.url),
        }
    }

    /// Waits up to `timeout` for an element matching the CSS selector.
    pub fn wait_for(&self, css: &str, timeout: Duration) -> Element {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(e) = self.find(css) {
                return e;
            }
            assert!(
                Instant::now() < deadline,
                "no element matches {css:?} after {timeout:?}; page text: {}",
                self.body_text()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn find(&self, css: &str) -> Option<Element> {
        let v = post(
            &format!("{}/element", self.base),
            json!({"using": "css selector", "value": css}),
        )
        .ok()?;
        v["value"][ELEMENT_KEY]
            .as_str()
            .map(|id| Element { id: id.to_owned() })
    }

    pub fn find_all(&self, css: &str) -> Vec<Element> {
        let v = post(
            &format!("{}/elements", self.base),
            json!({"using": "css selector", "value": css}),
        )
        .unwrap_or_else(|e| panic!("find elements {css:?}: {e}"));
        v["value"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e[ELEMENT_KEY].as_str())
                    .map(|id| Element { id: id.to_owned() })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Waits until `count` elements match.
    pub fn wait_for_count(&self, css: &str, count: usize, timeout: Duration) -> Vec<Element> {
        let deadline = Instant::now() + timeout;
        loop {
            let found = self.find_all(css);
            if found.len() == count {
                return found;
            }
            assert!(
                Instant::now() < deadline,
                "expected {count} × {css:?}, found {}; page text: {}",
                found.len(),
                self.body_text()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Clicks `e` as a person would: scrolled to the middle of the window first, where they
    /// can see it. (WebDriver alone scrolls it to the bottom edge, under the editor's sticky
    /// step bar, and then reports the click as intercepted.)
    pub fn click(&self, e: &Element) {
        self.execute(
            "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});",
            json!([{ ELEMENT_KEY: e.id }]),
        );
        post(&format!("{}/element/{}/click", self.base, e.id), json!({}))
            .unwrap_or_else(|err| panic!("click: {err}"));
    }

    pub fn type_text(&self, e: &Element, text: &str) {
        post(
            &format!("{}/element/{}/value", self.base, e.id),
            json!({"text": text, "value": text.chars().map(String::from).collect::<Vec<_>>()}),
        )
        .unwrap_or_else(|err| panic!("type: {err}"));
    }

    pub fn text(&self, e: &Element) -> String {
        get(&format!("{}/element/{}/text", self.base, e.id))
            .unwrap_or_else(|err| panic!("text: {err}"))["value"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    pub fn attribute(&self, e: &Element, name: &str) -> Option<String> {
        get(&format!("{}/element/{}/attribute/{name}", self.base, e.id))
            .ok()
            .and_then(|v| v["value"].as_str().map(str::to_owned))
    }

    pub fn body_text(&self) -> String {
        self.find("body")
            .map(|b| self.text(&b))
            .unwrap_or_else(|| "<no body>".into())
    }

    /// Saves a PNG of the window. Waits for two animation frames first: WebKit's snapshot
    /// otherwise can show the frame before the last DOM change.
    pub fn screenshot(&self, path: &Path) {
        let _ = post(
            &format!("{}/execute/async", self.base),
            json!({
                "script": "const done = arguments[arguments.length - 1]; \
                           requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                "args": []
            }),
        );
        std::thread::sleep(Duration::from_millis(150));
        let v = get(&format!("{}/screenshot", self.base)).expect("screenshot");
        let png = base64::engine::general_purpose::STANDARD
            .decode(v["value"].as_str().unwrap_or_default())
            .expect("base64 screenshot");
        std::fs::write(path, png).expect("write screenshot");
    }

    /// Presses and releases one key (a W3C key code such as `"\u{E00C}"` for Escape) on
    /// whatever has focus, like a person at the keyboard.
    pub fn press_key(&self, key: &str) {
        post(
            &format!("{}/actions", self.base),
            json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
                {"type": "keyDown", "value": key},
                {"type": "keyUp", "value": key}
            ]}]}),
        )
        .unwrap_or_else(|err| panic!("press key: {err}"));
    }

    /// Runs a script in the page and returns its value.
    pub fn execute(&self, script: &str, args: Value) -> Value {
        post(
            &format!("{}/execute/sync", self.base),
            json!({"script": script, "args": args}),
        )
        .unwrap_or_else(|err| panic!("execute script: {err}"))["value"]
            .clone()
    }

    /// The `id` attribute of the focused element ("" when none).
    pub fn active_element_id(&self) -> String {
        self.execute(
            "return document.activeElement ? document.activeElement.id : '';",
            json!([]),
        )
        .as_str()
        .unwrap_or_default()
        .to_owned()
    }

    /// The window's size in CSS pixels, as the page sees it.
    pub fn window_size(&self) -> (i64, i64) {
        let v = self.execute("return [window.outerWidth, window.outerHeight];", json!([]));
        (v[0].as_i64().unwrap_or(0), v[1].as_i64().unwrap_or(0))
    }

    pub fn set_window_size(&self, width: i64, height: i64) {
        post(
            &format!("{}/window/rect", self.base),
            json!({"width": width, "height": height}),
        )
        .unwrap_or_else(|err| panic!("set window rect: {err}"));
    }

    /// Asks the window to close, as the user's close button does.
    pub fn close_window(&self) {
        let _ = ureq::delete(&format!("{}/window", self.base)).call();
    }

    /// Ends the session, which closes the app.
    pub fn quit(self) {
        let _ = ureq::delete(&self.base).call();
    }
}

fn post(url: &str, body: Value) -> Result<Value, String> {
    answer(ureq::post(url).send_json(body))
}

fn get(url: &str) -> Result<Value, String> {
    answer(ureq::get(url).call())
}

fn answer(result: Result<ureq::Response, ureq::Error>) -> Result<Value, String> {
    match result {
        Ok(r) => r.into_json::<Value>().map_err(|e| e.to_string()),
        Err(ureq::Error::Status(code, r)) => {
            let mut body = String::new();
            let _ = r.into_reader().take(4096).read_to_string(&mut body);
            Err(format!("HTTP {code}: {body}"))
        }
        Err(e) => Err(e.to_string()),
    }
}

#[test]
fn a_process_group_is_seen_and_stopped_whole() {
    use std::os::unix::process::CommandExt;
    // A shell with a child of its own, like tauri-driver with WebKitWebDriver.
    let mut child = Command::new("sh")
        .args(["-c", "sleep 30 & sleep 30"])
        .process_group(0)
        .spawn()
        .unwrap();
    let group = child.id();
    let deadline = Instant::now() + Duration::from_secs(5);
    while group_members(group).len() < 2 {
        assert!(Instant::now() < deadline, "{:?}", group_members(group));
        std::thread::sleep(Duration::from_millis(20));
    }
    stop_group(group);
    let _ = child.wait();
    assert!(
        group_members(group).is_empty(),
        "{:?}",
        group_members(group)
    );
}
