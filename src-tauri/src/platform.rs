//! What the window does differently by operating system, set before the window exists.

/// On Linux, WebKitGTK draws the page without accelerated compositing unless
/// `WEBKIT_DISABLE_COMPOSITING_MODE` is already set (`0` keeps it). Compositing keeps GPU
/// (or, on machines without one, software GL) layers for the page: about 100 MB more memory
/// for a page of forms and tables that gains nothing from it, and a blank window on some
/// drivers. The end-to-end journeys keep it (`tests/e2e/driver.mjs`): WebKitWebDriver takes
/// no screenshot of a page drawn without it under Xvfb (the request never answers). Set
/// before WebKit starts its processes, which read it once; Windows (WebView2) and macOS are
/// left as they are.
pub fn prepare_webview() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        // SAFETY: called first thing in `main`, before any thread is started, so no other
        // thread reads the environment meanwhile.
        unsafe { std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1") };
    }
}
