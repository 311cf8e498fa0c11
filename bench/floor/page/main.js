// Tells the shell the page is drawn (the same marker the app's dashboard sets).
requestAnimationFrame(() => requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke("ready")));
