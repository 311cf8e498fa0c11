// Language of the interface: Vietnamese by default, English switchable, kept between runs.
// The words for enum values (unit kinds, statuses, attendance…) come from the core's one
// table (`labels`), added to the dictionaries under their group: `unit_kind.district`.
import { addMessages, init, locale, register } from "svelte-i18n";
import type { Label } from "./bindings";
import vi from "../locales/vi.json";

const KEY = "giaoban.lang";

/** The labels as dictionary entries of one language: `{ unit_kind: { district: "…" } }`. */
export function labelMessages(labels: Label[], lang: "vi" | "en"): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const l of labels) (out[l.group] ??= {})[l.value] = l[lang];
  return out;
}

/** Registers both dictionaries and starts in the saved language (Vietnamese by default);
 *  the core's labels are added as they come (`addLabels`). */
export function setUpI18n(): void {
  addMessages("vi", vi);
  // English is loaded when first chosen (most windows never show it): less to read at start.
  register("en", () => import("../locales/en.json").then((m) => m.default));
  init({ fallbackLocale: "vi", initialLocale: localStorage.getItem(KEY) ?? "vi" });
}

/** Adds the core's words for enum values to both dictionaries (every text using them is
 *  drawn again). */
export function addLabels(labels: Label[]): void {
  addMessages("vi", labelMessages(labels, "vi"));
  addMessages("en", labelMessages(labels, "en"));
}

/** Switches the language and remembers the choice. */
export function setLanguage(lang: "vi" | "en"): void {
  localStorage.setItem(KEY, lang);
  locale.set(lang);
}
