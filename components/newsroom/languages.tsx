import { locales } from '@/i18n/routing';

/** The language names shown in the newsroom, each in its own language (option lists set `lang`). */
export const LANGUAGE_NAMES = { fr: 'Français', en: 'English' } as const;

/** One `<option>` per site language, named in that language: for the newsroom's language selects. */
export function LanguageOptions() {
  return locales.map((l) => (
    <option key={l} value={l} lang={l}>
      {LANGUAGE_NAMES[l]}
    </option>
  ));
}
