import { mount } from "svelte";
import "./app.css";
import { setUpI18n } from "./lib/i18n";
import { labels } from "./lib/startup";
import App from "./App.svelte";

// The core's words for enum values; without them (never expected) keys show as they are.
setUpI18n(await labels);
mount(App, { target: document.getElementById("app")! });
