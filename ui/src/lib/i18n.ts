// Language of the interface: Vietnamese by default, English switchable, kept between runs.
import { addMessages, init, locale } from "svelte-i18n";
import en from "../locales/en.json";
import vi from "../locales/vi.json";

const KEY = "giaoban.lang";

/** Registers both dictionaries and starts in the saved language (Vietnamese by default). */
export function setUpI18n(): void {
  addMessages("vi", vi);
  addMessages("en", en);
  init({ fallbackLocale: "vi", initialLocale: localStorage.getItem(KEY) ?? "vi" });
}

/** Switches the language and remembers the choice. */
export function setLanguage(lang: "vi" | "en"): void {
  localStorage.setItem(KEY, lang);
  locale.set(lang);
}
