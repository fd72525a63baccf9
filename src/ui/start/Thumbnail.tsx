// A small sketch of a lab's key chart for its start-page card: static inline SVG drawn here, no image files. It shows
// the shape of what the lab's chart draws, not measured numbers.
import type { ReactElement } from 'react';

const BLUE = '#2f6fdd';
const ORANGE = '#b54708';
const PURPLE = '#8e44ad';
const GREY = '#98a2b3';

const axes = (
  <g stroke={GREY} strokeWidth="1">
    <line x1="8" y1="52" x2="116" y2="52" />
    <line x1="8" y1="52" x2="8" y2="4" />
  </g>
);

/** Sketches by lab id; a lab without one gets the generic rising curve. */
const SKETCHES: Record<string, { label: string; body: ReactElement }> = {
  'pop-vs-mf': {
    label: 'Sketch: a learned model’s accuracy rising over epochs past a flat dashed popularity line',
    body: (
      <>
        <line x1="10" y1="34" x2="114" y2="34" stroke={ORANGE} strokeWidth="2" strokeDasharray="5 3" />
        <path d="M10 48 C 30 46, 40 30, 55 22 S 90 12, 114 10" fill="none" stroke={BLUE} strokeWidth="2.5" />
      </>
    ),
  },
  weighting: {
    label: 'Sketch: as the diversity weight grows, Precision falls steeply while the hit rate falls a little',
    body: (
      <>
        <line x1="10" y1="10" x2="112" y2="44" stroke={BLUE} strokeWidth="2.5" />
        <line x1="10" y1="14" x2="112" y2="24" stroke={ORANGE} strokeWidth="2.5" strokeDasharray="5 3" />
        <circle cx="10" cy="10" r="3" fill={BLUE} />
        <circle cx="112" cy="44" r="3" fill={BLUE} />
      </>
    ),
  },
  consumption: {
    label: 'Sketch: items per taste — the top of the list all on one taste, the consumption-aware list split over two',
    body: (
      <>
        <rect x="16" y="10" width="16" height="42" fill={BLUE} />
        <rect x="34" y="50" width="16" height="2" fill={ORANGE} />
        <rect x="70" y="24" width="16" height="28" fill={BLUE} />
        <rect x="88" y="32" width="16" height="20" fill={ORANGE} />
      </>
    ),
  },
  'amp-cf': {
    label: 'Sketch: one user’s clicks grouped around three persona vectors',
    body: (
      <>
        {[
          [30, 20, BLUE],
          [62, 38, ORANGE],
          [94, 18, PURPLE],
        ].map(([x, y, c]) => (
          <g key={String(c)} fill={String(c)}>
            <circle cx={Number(x)} cy={Number(y)} r="5" />
            <circle cx={Number(x) - 9} cy={Number(y) + 6} r="2" opacity="0.7" />
            <circle cx={Number(x) + 8} cy={Number(y) + 7} r="2" opacity="0.7" />
            <circle cx={Number(x) + 3} cy={Number(y) - 9} r="2" opacity="0.7" />
          </g>
        ))}
      </>
    ),
  },
  'mult-vae': {
    label: 'Sketch: three likelihoods’ accuracy over epochs; one stays on the dashed popularity line before rising late',
    body: (
      <>
        <line x1="10" y1="36" x2="114" y2="36" stroke={GREY} strokeWidth="1.5" strokeDasharray="4 3" />
        <path d="M10 46 C 25 20, 45 14, 114 12" fill="none" stroke={BLUE} strokeWidth="2.5" />
        <path d="M10 46 C 28 24, 50 18, 114 16" fill="none" stroke={ORANGE} strokeWidth="2" />
        <path d="M10 46 C 20 38, 60 37, 75 34 S 100 24, 114 22" fill="none" stroke={PURPLE} strokeWidth="2" />
      </>
    ),
  },
  conversation: {
    label: 'Sketch: success within t turns rising for a learned policy, above a dashed rule that always recommends',
    body: (
      <>
        <path d="M10 50 C 30 48, 40 40, 55 30 S 85 14, 114 12" fill="none" stroke={GREY} strokeWidth="2" strokeDasharray="5 3" />
        <path d="M10 50 C 22 46, 30 30, 45 20 S 80 8, 114 7" fill="none" stroke={PURPLE} strokeWidth="2.5" />
        {[18, 30, 42].map((x) => (
          <circle key={x} cx={x} cy="44" r="2" fill={BLUE} />
        ))}
        <rect x="50" y="40" width="8" height="8" fill={ORANGE} />
      </>
    ),
  },
  kgat: {
    label: 'Sketch: a user linked to items, items linked to shared attributes, paths leading to a recommended item',
    body: (
      <>
        <g stroke={GREY} strokeWidth="1.5">
          <line x1="16" y1="28" x2="46" y2="14" />
          <line x1="16" y1="28" x2="46" y2="42" />
          <line x1="46" y1="14" x2="78" y2="14" strokeWidth="3" />
          <line x1="46" y1="42" x2="78" y2="42" strokeDasharray="3 2" />
          <line x1="78" y1="14" x2="108" y2="28" strokeWidth="3" />
          <line x1="78" y1="42" x2="108" y2="28" />
        </g>
        <circle cx="16" cy="28" r="5" fill={BLUE} />
        <rect x="41" y="9" width="10" height="10" fill={ORANGE} />
        <rect x="41" y="37" width="10" height="10" fill={ORANGE} />
        <polygon points="72,14 75,9 81,9 84,14 81,19 75,19" fill="#27ae60" />
        <circle cx="78" cy="42" r="4" fill={BLUE} />
        <rect x="102" y="22" width="12" height="12" fill={PURPLE} />
      </>
    ),
  },
  p5: {
    label: 'Sketch: a text prompt goes into one model box, which writes an answer box: every task as text in, text out',
    body: (
      <>
        <rect x="12" y="12" width="34" height="30" rx="3" fill="#fff" stroke={BLUE} strokeWidth="1.5" />
        <g stroke={BLUE} strokeWidth="1.5">
          <line x1="16" y1="20" x2="42" y2="20" />
          <line x1="16" y1="27" x2="38" y2="27" />
          <line x1="16" y1="34" x2="40" y2="34" />
        </g>
        <g stroke={GREY} strokeWidth="1.5" fill={GREY}>
          <line x1="47" y1="27" x2="54" y2="27" />
          <polygon points="54,24 58,27 54,30" />
          <line x1="80" y1="27" x2="87" y2="27" />
          <polygon points="87,24 91,27 87,30" />
        </g>
        <rect x="59" y="14" width="20" height="26" rx="4" fill={PURPLE} />
        <rect x="92" y="18" width="22" height="18" rx="3" fill="#fff" stroke={ORANGE} strokeWidth="1.5" />
        <line x1="96" y1="27" x2="110" y2="27" stroke={ORANGE} strokeWidth="2.5" />
      </>
    ),
  },
};

const GENERIC = {
  label: 'Sketch: a metric over training',
  body: <path d="M10 48 C 40 40, 60 20, 114 14" fill="none" stroke={BLUE} strokeWidth="2.5" />,
};

export function Thumbnail({ labId }: { labId: string }) {
  const s = SKETCHES[labId] ?? GENERIC;
  return (
    <svg className="start-thumb" viewBox="0 0 120 56" role="img" aria-label={s.label} data-testid={`thumb-${labId}`}>
      <title>{s.label}</title>
      {axes}
      {s.body}
    </svg>
  );
}
