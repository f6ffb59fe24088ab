import type { OnTimeGroup } from '@tinhso/contracts';

/** The five states of a dossier the bars show, in reading order, each with its own fill and pattern. */
export const SEGMENTS = [
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'inProcessNotYetDue',
  'inProcessOverdue',
] as const satisfies readonly (keyof OnTimeGroup)[];
export type Segment = (typeof SEGMENTS)[number];

/** Fill of each segment: a colour and a pattern, so that the states differ without colour too. */
export const FILL: Record<Segment | 'received', string> = {
  resolvedEarly: 'url(#figures-solid-early)',
  resolvedOnTime: 'url(#figures-stripes-on-time)',
  resolvedLate: 'url(#figures-cross-late)',
  inProcessNotYetDue: 'url(#figures-dots-open)',
  inProcessOverdue: 'url(#figures-lines-overdue)',
  received: 'url(#figures-solid-received)',
};

/**
 * The patterns, defined once for every chart of the page (ids must be unique in the document). The
 * colours keep at least 3:1 against the white page; the patterns tell the same thing in grey.
 */
export function ChartPatterns() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" className="figures-defs">
      <defs>
        <pattern id="figures-solid-early" width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#1b6b3a" />
        </pattern>
        <pattern
          id="figures-stripes-on-time"
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill="#4f8f2f" />
          <rect width="2" height="6" fill="#ffffff" />
        </pattern>
        <pattern id="figures-cross-late" width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#a3001b" />
          <path d="M0 0L6 6M6 0L0 6" stroke="#ffffff" strokeWidth="1" />
        </pattern>
        <pattern id="figures-dots-open" width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#2b6cb0" />
          <circle cx="3" cy="3" r="1.3" fill="#ffffff" />
        </pattern>
        <pattern id="figures-lines-overdue" width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#b35400" />
          <rect y="2" width="6" height="1.5" fill="#ffffff" />
        </pattern>
        <pattern id="figures-solid-received" width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#4f4f4f" />
        </pattern>
      </defs>
    </svg>
  );
}

/** A small square of a segment's fill, for legends (the text beside it says what it is). */
export function Swatch({ fill }: { fill: string }) {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 18 18"
      aria-hidden="true"
      focusable="false"
      className="figures-swatch"
    >
      <rect x="0.5" y="0.5" width="17" height="17" fill={fill} stroke="#1a1a1a" />
    </svg>
  );
}
