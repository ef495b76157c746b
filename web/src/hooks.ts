import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api/client';

/** Loads data and reloads when deps change; errors surface as a message. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; loading: boolean; reload: () => void } {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const { message } = App.useApp();
  useEffect(() => {
    let live = true;
    setLoading(true);
    load()
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && message.error(e instanceof Error ? e.message : String(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // the caller's deps decide when to refetch (load itself is a new closure every render)
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, loading, reload };
}

/** Shows an API error: field messages next to their fields, the rest as a toast. */
export function useApiErrors() {
  const { message } = App.useApp();
  return useCallback(
    (e: unknown, form?: FormInstance) => {
      if (e instanceof ApiError) {
        if (form && e.fields.length) {
          form.setFields(e.fields.map((f) => ({ name: f.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [f.message] })));
        }
        message.error(e.message);
      } else message.error(e instanceof Error ? e.message : String(e));
    },
    [message],
  );
}
