import { useCallback, useEffect, useRef, useState } from 'react';
import { precheck, uploadImage, UploadError, type UploadedAsset, type UploadProblem } from './upload';

export interface UploadItem {
  key: string;
  name: string;
  /** 0..1 */
  progress: number;
  state: 'uploading' | 'done' | 'failed';
  /** Already in the library (the same bytes were uploaded before). */
  existing?: boolean;
  problem?: UploadProblem;
  /** The server's words, shown as the detail of a problem the UI has no words for. */
  message?: string;
}

let counter = 0;

/**
 * The uploads started from one page: each file is checked (type, size) and sent on its own, with
 * its progress and, when refused, why. `onUploaded` is told of every asset that arrived.
 */
export function useUploads(shopId: string, onUploaded: (asset: UploadedAsset) => void) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const aborts = useRef(new Map<string, () => void>());
  const latest = useRef(onUploaded);
  latest.current = onUploaded;

  useEffect(() => {
    const pending = aborts.current;
    return () => {
      for (const abort of pending.values()) abort();
    };
  }, []);

  const update = useCallback((key: string, change: Partial<UploadItem>) => {
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const add = useCallback(
    (files: readonly File[]) => {
      for (const file of files) {
        const key = `u${++counter}`;
        const problem = precheck(file);
        if (problem) {
          setItems((list) => [...list, { key, name: file.name, progress: 0, state: 'failed', problem }]);
          continue;
        }
        setItems((list) => [...list, { key, name: file.name, progress: 0, state: 'uploading' }]);
        const handle = uploadImage(shopId, file, (progress) => update(key, { progress }));
        aborts.current.set(key, handle.abort);
        handle.done.then(
          ({ asset, created }) => {
            aborts.current.delete(key);
            update(key, { state: 'done', progress: 1, existing: !created });
            latest.current(asset);
          },
          (error: unknown) => {
            aborts.current.delete(key);
            const known = error instanceof UploadError;
            update(key, {
              state: 'failed',
              problem: known ? error.problem : 'OTHER',
              message: error instanceof Error ? error.message : String(error),
            });
          },
        );
      }
    },
    [shopId, update],
  );

  const dismiss = useCallback((key: string) => setItems((list) => list.filter((item) => item.key !== key)), []);

  return { items, add, dismiss };
}
