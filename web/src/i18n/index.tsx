import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLocale } from '../api/client';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
export const LOCALE_STORAGE_KEY = 'rackpact.locale';
const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

function initialLocale(): Locale {
  const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
  return stored === 'en' ? 'en' : 'zh-CN';
}

interface I18nState {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** Whether the catalog names this key (for labels of values the server may add later). */
  has(key: string): key is MessageKey;
}

const I18nContext = createContext<I18nState | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = initialLocale();
    setApiLocale(l);
    return l;
  });
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(LOCALE_STORAGE_KEY, l);
    setApiLocale(l);
    document.documentElement.lang = l;
    setLocaleState(l);
  }, []);
  const t = useCallback(
    // A key computed from server data may be missing from a catalog: show the other language, then
    // the key itself (the page walk flags it), rather than crashing the whole page.
    (key: MessageKey, params: Record<string, string | number> = {}) =>
      ((catalogs[locale][key] as string | undefined) ?? (catalogs['zh-CN'][key] as string | undefined) ?? String(key)).replace(/\{(\w+)\}/g, (w, k: string) => (params[k] === undefined ? w : String(params[k]))),
    [locale],
  );
  const has = useCallback((key: string): key is MessageKey => key in catalogs[locale], [locale]);
  const value = useMemo(() => ({ locale, setLocale, t, has }), [locale, setLocale, t, has]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nState {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export type { MessageKey };
