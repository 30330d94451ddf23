const KNOWN_ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** UTC first (browsers list only regional zones), and the saved zone even if this browser lacks it. */
export function timezoneOptions(current: string | undefined): string[] {
  const zones = ['UTC', ...KNOWN_ZONES.filter((z) => z !== 'UTC')];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}
