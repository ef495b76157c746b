import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLocale } from '../api/client';
import { zhCN, type MessageKey } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
export const LOCALE_STORAGE_KEY = 'rackpact.locale';
type Catalog = Record<MessageKey, string>;
// Chinese is the default and the fallback, so it ships in the entry; English (as large again, ~25 KB
// gzipped) is fetched the first time someone reads in English — it kept the first page in its budget.
const catalogs: Partial<Record<Locale, Catalog>> = { 'zh-CN': zhCN };

async function loadCatalog(l: Locale): Promise<void> {
  if (l === 'en' && !catalogs.en) catalogs.en = (await import('./en')).en;
}

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
  const [loaded, setLoaded] = useState(() => catalogs[locale] !== undefined);
  useEffect(() => {
    if (!loaded) void loadCatalog(locale).then(() => setLoaded(true));
  }, [loaded, locale]);
  // fetched once the first page has settled, so a later switch to English is immediate
  useEffect(() => {
    const timer = setTimeout(() => void loadCatalog('en').catch(() => undefined), 3000);
    return () => clearTimeout(timer);
  }, []);
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(LOCALE_STORAGE_KEY, l);
    void loadCatalog(l).then(() => {
      setApiLocale(l);
      document.documentElement.lang = l;
      setLocaleState(l);
    });
  }, []);
  const t = useCallback(
    // A key computed from server data may be missing from a catalog: show the other language, then
    // the key itself (the page walk flags it), rather than crashing the whole page.
    (key: MessageKey, params: Record<string, string | number> = {}) =>
      ((catalogs[locale]?.[key] as string | undefined) ?? (zhCN[key] as string | undefined) ?? String(key)).replace(/\{(\w+)\}/g, (w, k: string) => (params[k] === undefined ? w : String(params[k]))),
    [locale],
  );
  const has = useCallback((key: string): key is MessageKey => key in (catalogs[locale] ?? zhCN), [locale]);
  const value = useMemo(() => ({ locale, setLocale, t, has }), [locale, setLocale, t, has]);
  // an English reader's first paint waits for the English catalog rather than flashing Chinese
  if (!loaded) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nState {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export type { MessageKey };
