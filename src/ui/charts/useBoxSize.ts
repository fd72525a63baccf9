// The pixel size of an element, kept current (a chart drawn in plain SVG lays itself out from it).
import { useLayoutEffect, useRef, useState } from 'react';

/**
 * Read from the ResizeObserver's entries, which come after the browser's own layout: reading clientWidth when a chart
 * mounted forced a layout of the page per chart (the charts of a grid mount together as a run's first rows arrive:
 * most of a 107 ms task in a CPU profile with 3× throttling). The first drawing waits for that first entry.
 * The box is measured without padding (none of the charts' boxes has any).
 */
export function useBoxSize<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver((entries) => {
      const r = entries[entries.length - 1].contentRect;
      const w = Math.floor(r.width);
      const h = Math.floor(r.height);
      setSize((s) => (s.w === w && s.h === h ? s : { w, h }));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, ...size };
}
