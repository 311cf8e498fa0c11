import { mount } from "svelte";
import "./app.css";
import { api } from "./lib/api";
import { setUpI18n } from "./lib/i18n";
import App from "./App.svelte";

// The core's words for enum values; without them (never expected) keys show as they are.
setUpI18n(await api.labels().catch(() => []));
mount(App, { target: document.getElementById("app")! });
