export type ThemeChoice = 'system' | 'light' | 'dark';

const order: ThemeChoice[] = ['system', 'light', 'dark'];

export function nextTheme(current: ThemeChoice): ThemeChoice {
  return order[(order.indexOf(current) + 1) % order.length];
}

export function themeLabel(choice: ThemeChoice): string {
  return { system: '主题：跟随系统', light: '主题：浅色', dark: '主题：深色' }[choice];
}
