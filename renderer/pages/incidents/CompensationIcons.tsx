/** Line icons for the compensation rows' actions (no icon library is bundled); decorative: the buttons carry the names. */
const ICON_PROPS = {
  width: 18,
  height: 18,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;

export function ApproveIcon() {
  return (
    <svg {...ICON_PROPS}>
      <path d="M5 12.5l4.5 4.5l9.5 -10" />
    </svg>
  );
}

export function RejectIcon() {
  return (
    <svg {...ICON_PROPS}>
      <path d="M6.5 6.5l11 11m0 -11l-11 11" />
    </svg>
  );
}

/** A clock: approve with another (agreed) duration. */
export function DurationIcon() {
  return (
    <svg {...ICON_PROPS}>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7.5v4.5l3 2" />
    </svg>
  );
}
