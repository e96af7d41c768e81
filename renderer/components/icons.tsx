/** Small line icons for the tables' row actions (no icon library is bundled); decorative: the buttons carry the names. */
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

export function SwitchTariffIcon() {
  return (
    <svg {...ICON_PROPS}>
      <path d="M4 8h15l-4 -4" />
      <path d="M20 16h-15l4 4" />
    </svg>
  );
}

export function CancelIcon() {
  return (
    <svg {...ICON_PROPS}>
      <circle cx="12" cy="12" r="9" />
      <path d="M9.5 9.5l5 5m0 -5l-5 5" />
    </svg>
  );
}

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
