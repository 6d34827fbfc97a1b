import { nextTheme, type ThemeChoice, themeLabel } from '../lib/theme.ts';

function apply(choice: ThemeChoice) {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

function read(): ThemeChoice {
  try {
    const v = localStorage.getItem('theme');
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

class ThemeToggle extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button')!;
    const label = this.querySelector('.theme-label')!;
    const render = (c: ThemeChoice) => (label.textContent = themeLabel(c));
    let choice = read();
    render(choice);
    this.hidden = false;
    button.addEventListener('click', () => {
      choice = nextTheme(choice);
      apply(choice);
      render(choice);
      try {
        if (choice === 'system') localStorage.removeItem('theme');
        else localStorage.setItem('theme', choice);
      } catch {
        /* storage blocked: the choice lasts for this page view */
      }
    });
  }
}

export function defineThemeToggle() {
  if (!customElements.get('theme-toggle')) customElements.define('theme-toggle', ThemeToggle);
}
