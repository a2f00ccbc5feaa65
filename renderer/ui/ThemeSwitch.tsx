import { useId, useState } from 'react';
import { chooseTheme, savedTheme, THEME_CHOICES, type ThemeChoice } from './theme';

const THEME_WORDS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** The theme: System (the operating system's preference), Light or Dark; kept between runs. */
export function ThemeSwitch() {
  const id = useId();
  const [choice, setChoice] = useState<ThemeChoice>(savedTheme);
  return (
    <div className="theme-switch">
      {/* Named for screen readers; the choices (System, Light, Dark) say what the select is to the eye. */}
      <label htmlFor={id} className="sr-only">
        Theme
      </label>
      <select
        id={id}
        title="Theme"
        value={choice}
        onChange={(event) => {
          const chosen = event.target.value as ThemeChoice;
          setChoice(chosen);
          chooseTheme(chosen);
        }}
      >
        {THEME_CHOICES.map((option) => (
          <option key={option} value={option}>
            {THEME_WORDS[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
