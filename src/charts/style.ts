// Colours and sizes: Okabe-Ito hues (told apart with the common colour-blindness types) on an opaque
// light card with dark text, so a chart reads the same in a light or a dark chat theme.
import type { SeriesRole } from '../core/runtime/chart.js';

export const CANVAS = { width: 800, height: 450, scale: 1.5 };
export const INK = '#1b1b1b';
export const MUTED_INK = '#4a4a4a';
export const GRID = '#d9d9d9';
export const BACKGROUND = '#ffffff';
export const TARGET_COLOUR = '#cc79a7';
export const MARKER_COLOUR = '#d55e00';

export const ROLE_STYLE: Record<SeriesRole, { colour: string; dashed?: boolean }> = {
  past: { colour: '#0072b2' },
  projection: { colour: '#0072b2', dashed: true },
  planned: { colour: '#009e73', dashed: true },
  good: { colour: '#0072b2' },
  bad: { colour: '#e69f00' },
  keep: { colour: '#0072b2' },
  fee: { colour: '#e69f00' },
};

export const FONT_SIZE = { title: 22, subtitle: 15, axis: 14, label: 13 };
