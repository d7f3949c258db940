// The same first step the real UI takes: one IPC call as soon as the page runs.
window.__TAURI_INTERNALS__.invoke("ready").then((answer) => {
  document.getElementById("status").textContent = answer;
});
