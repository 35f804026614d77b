import i18n from '../i18n';

/**
 * Adds a capability's strings (its own strings.zh-CN.json and strings.en.json, so its pages need no
 * edits to the shared catalogues) under `namespace`, deep-merged without overwriting: loading them
 * twice changes nothing. The type check refuses an English catalogue that lacks a Chinese key.
 */
export function addStrings<T extends object>(namespace: string, zh: T, en: NoInfer<T>): void {
  for (const [lng, bundle] of [['zh-CN', zh], ['en', en]] as const) {
    i18n.addResourceBundle(lng, 'translation', { [namespace]: bundle }, true, false);
  }
}
