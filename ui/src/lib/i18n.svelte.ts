// Current-language store built on Svelte 5 runes. Reading `t()` or
// `getLang()` inside a component template/effect makes it reactive.

import { DEFAULT_LANG, isLang, translate, type Lang, type MessageKey, type Params } from "./i18n";

export const LANG_STORAGE_KEY = "samtalenotat.lang";

function readStoredLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return isLang(stored) ? stored : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

function applyDocumentLang(lang: Lang): void {
  if (typeof document !== "undefined") {
    document.documentElement.lang = lang;
  }
}

const state = $state<{ lang: Lang }>({ lang: readStoredLang() });
applyDocumentLang(state.lang);

export function getLang(): Lang {
  return state.lang;
}

export function setLang(lang: Lang): void {
  state.lang = lang;
  applyDocumentLang(lang);
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Storage may be unavailable; the choice then lasts for this session only.
  }
}

/** Re-read the persisted choice (used at start-up and by tests). */
export function loadLang(): void {
  state.lang = readStoredLang();
  applyDocumentLang(state.lang);
}

export function t(key: MessageKey, params?: Params): string {
  return translate(state.lang, key, params);
}
