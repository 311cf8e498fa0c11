// Language of the interface: Vietnamese by default, English switchable, kept between runs.
// The words for enum values (unit kinds, statuses, attendance…) come from the core's one
// table (`labels`), added to the dictionaries under their group: `unit_kind.district`.
import { addMessages, init, locale } from "svelte-i18n";
import type { Label } from "./bindings";
import en from "../locales/en.json";
import vi from "../locales/vi.json";

const KEY = "giaoban.lang";

/** The labels as dictionary entries of one language: `{ unit_kind: { district: "…" } }`. */
export function labelMessages(labels: Label[], lang: "vi" | "en"): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const l of labels) (out[l.group] ??= {})[l.value] = l[lang];
  return out;
}

/** Registers both dictionaries with the core's labels and starts in the saved language
 *  (Vietnamese by default). */
export function setUpI18n(labels: Label[]): void {
  addMessages("vi", vi, labelMessages(labels, "vi"));
  addMessages("en", en, labelMessages(labels, "en"));
  init({ fallbackLocale: "vi", initialLocale: localStorage.getItem(KEY) ?? "vi" });
}

/** Switches the language and remembers the choice. */
export function setLanguage(lang: "vi" | "en"): void {
  localStorage.setItem(KEY, lang);
  locale.set(lang);
}
