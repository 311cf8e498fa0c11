import { mount } from "svelte";
import "./app.css";
import { addLabels, setUpI18n } from "./lib/i18n";
import { labels } from "./lib/startup";
import App from "./App.svelte";

// The window is drawn at once; the core's words for enum values join the dictionaries as
// they come, long before the overview's figures (without them, never expected, keys show as
// they are).
setUpI18n();
void labels.then(addLabels);
mount(App, { target: document.getElementById("app")! });
