// Lets a heavy drawing wait for a task of its own: false until `ms` after `key` last changed, then true.
import { useEffect, useState } from 'react';

export function useAfter(key: unknown, ms: number): boolean {
  // Boxed: a key that is a function would otherwise be called by setState.
  const [ready, setReady] = useState<{ key: unknown } | null>(null);
  useEffect(() => {
    const t = setTimeout(() => setReady({ key }), ms);
    return () => clearTimeout(t);
  }, [key, ms]);
  return ready?.key === key;
}
