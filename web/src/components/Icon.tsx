/** Line icons drawn for this app (24×24, stroke = currentColor); decorative unless given a label. */
const PATHS = {
  cockpit: 'M4 15a8 8 0 1 1 16 0M12 15l4-5M6.5 19h11',
  enterprises: 'M4 20V8l6-3v15M10 20V10l10 3v7M3 20h18M13 15h1M16.5 15h1M13 17.5h1M16.5 17.5h1M6.5 11h1M6.5 14h1M6.5 17h1',
  chains: 'M4 12h16M17 9l3 3-3 3M7 12 4.5 6M11 12 8.5 6M7 12 4.5 18M11 12 8.5 18',
  system: 'M12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7ZM12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1',
  docs: 'M5 4h9l5 5v11H5zM14 4v5h5M8 13h8M8 16.5h6',
  external: 'M14 4h6v6M20 4l-9 9M18 14v5H5V6h5',
  user: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8ZM4 21a8 8 0 0 1 16 0',
  menu: 'M4 6h16M4 12h16M4 18h16',
  search: 'M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13ZM15.5 15.5 20 20',
  signOut: 'M15 4h4v16h-4M10 8l-4 4 4 4M6 12h10',
  chevronDown: 'M6 9l6 6 6-6',
  chevronLeft: 'M15 6l-6 6 6 6',
  chevronRight: 'M9 6l6 6-6 6',
  globe: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18ZM3 12h18M12 3c2.5 2.7 3.5 5.7 3.5 9s-1 6.3-3.5 9c-2.5-2.7-3.5-5.7-3.5-9S9.5 5.7 12 3Z',
  pin: 'M12 21s-6.5-6.2-6.5-11a6.5 6.5 0 0 1 13 0c0 4.8-6.5 11-6.5 11ZM12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z',
  alert: 'M12 3 2 20h20L12 3ZM12 10v4.5M12 17.2v.3',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 18, label }: { name: IconName; size?: number; label?: string }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
      className="icon"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
