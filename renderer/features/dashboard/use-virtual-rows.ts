import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

export interface RowRange {
  /** First row index to render. */
  start: number;
  /** One past the last row index to render. */
  end: number;
}

/** A first guess of the viewport before it is measured: enough rows to fill a window. */
const GUESSED_VIEWPORT_PX = 900;

function rangeFor(count: number, rowHeight: number, overscan: number, scrollTop: number, viewport: number): RowRange {
  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { start, end: Math.max(start, end) };
}

/**
 * Which of `count` fixed-height rows a scroll container shows: only those in view plus `overscan`
 * on each side. Recomputed on scroll and when the container or the count changes size.
 */
export function useVirtualRows(
  count: number,
  rowHeight: number,
  overscan: number,
): { scrollerRef: RefObject<HTMLDivElement | null>; range: RowRange; onScroll: () => void } {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState<RowRange>(() => rangeFor(count, rowHeight, overscan, 0, GUESSED_VIEWPORT_PX));

  const measure = useCallback(() => {
    const scroller = scrollerRef.current;
    if (scroller === null) return;
    const next = rangeFor(count, rowHeight, overscan, scroller.scrollTop, scroller.clientHeight);
    setRange((current) => (current.start === next.start && current.end === next.end ? current : next));
  }, [count, rowHeight, overscan]);

  useLayoutEffect(() => {
    measure();
    const scroller = scrollerRef.current;
    if (scroller === null) return;
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [measure]);

  return { scrollerRef, range, onScroll: measure };
}
