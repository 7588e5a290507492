/** Matches the API's `Locale` enum. */
export type Locale = 'ZH' | 'EN';

export interface Named {
  name: string;
  nameEn?: string | null;
}

/** The name to show in a locale: English when asked for and known, otherwise the Chinese name. */
export function displayName({ name, nameEn }: Named, locale: Locale): string {
  if (locale === 'EN') {
    const english = nameEn?.trim();
    if (english) return english;
  }
  return name;
}
