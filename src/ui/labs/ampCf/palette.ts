// Colours and number formats the AMP-CF panel shares: one fixed colour per persona, one hue per genre.
import type { CSSProperties } from 'react';

/** One colour per persona (P ≤ 8), used on its card, its attention segment and every p* badge. */
export const PERSONA_COLORS = ['#0e9384', '#dd2590', '#ca8504', '#3538cd', '#b42318', '#12b76a', '#7a5af8', '#475467'];
export const personaColor = (p: number) => PERSONA_COLORS[p % PERSONA_COLORS.length];
export const personaName = (p: number) => `persona ${p + 1}`;

/** The lab's chart colours, so "AMP-CF" and "MF" look the same here as in the live charts above. */
export const MODEL_COLORS = { history: '#98a2b3', amp: '#8e44ad', mf: '#2f6fdd' } as const;

/** Hue of genre g: spread by the golden angle, so neighbouring ids differ and the same genre is the same hue everywhere. */
export const genreHue = (g: number) => Math.round((200 + g * 137.508) % 360);
/** The CSS variable genre chips and mix bars read their hue from. */
export const hueStyle = (g: number, extra?: CSSProperties): CSSProperties => ({ ['--hue' as string]: genreHue(g), ...extra });
export const genreFill = (g: number) => `hsl(${genreHue(g)} 55% 58%)`;

/** 0.4237 → "42%". */
export const pct = (v: number) => `${Math.round(v * 100)}%`;
/** 0.4237 → "42.4%" (where a whole percent would hide differences). */
export const pct1 = (v: number) => `${(v * 100).toFixed(1)}%`;
export const num = (v: number | undefined, digits = 3) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits));
