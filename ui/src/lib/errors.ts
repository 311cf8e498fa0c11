// What the user reads when something goes wrong: the core's sentence in the current language.
import type { IpcError } from "./api";
import { AppError } from "./api";

/** The sentence for an error, in `lang`; unknown failures get a plain fallback. */
export function errorText(e: unknown, lang: string): string {
  if (e instanceof AppError) return messageOf(e.error, lang);
  return lang === "vi"
    ? "Đã xảy ra lỗi không mong muốn; dữ liệu không bị thay đổi."
    : "Something unexpected went wrong; no data was changed.";
}

/** The message of a typed error in `lang`. */
export function messageOf(e: IpcError, lang: string): string {
  return lang === "vi" ? e.message_vi : e.message_en;
}

/** The input field an error is about, to mark it in a form. */
export function fieldOf(e: unknown): string | null {
  if (e instanceof AppError && e.error.kind.type === "Invalid") return e.error.kind.data.field;
  return null;
}
