import { mount } from "svelte";
import "./app.css";
import { setUpI18n } from "./lib/i18n";
import App from "./App.svelte";

setUpI18n();
mount(App, { target: document.getElementById("app")! });
