/** The person's choice of theme: follow the system's preference, or always light, or always dark. */
export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** Where the choice is kept between runs (this window's local storage; nothing else is stored there). */
export const THEME_STORAGE_KEY = 'aklm.theme';

function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

/** The saved choice; System when there is none, it is not one of the three, or storage cannot be read. */
export function savedTheme(): ThemeChoice {
  try {
    const saved = window.localStorage.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(saved) ? saved : 'system';
  } catch {
    return 'system';
  }
}

/** Draws the app in the choice: `data-theme` on <html>, which tokens.css follows. */
export function applyTheme(choice: ThemeChoice): void {
  document.documentElement.dataset.theme = choice;
}

/** Keeps the choice for the next run and applies it now; a storage that refuses still gets the theme applied. */
export function chooseTheme(choice: ThemeChoice): void {
  applyTheme(choice);
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Private or full storage: the theme holds for this run.
  }
}
