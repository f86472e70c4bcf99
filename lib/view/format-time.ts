/**
 * Times in the robot's configured timezone (default Asia/Shanghai), never the machine's
 * (issue 3). Built from numeric parts so the output is the same on every ICU build:
 * "2021-10-08 17:53".
 */
const FALLBACK_TIMEZONE = 'Asia/Shanghai';
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatTime(value: unknown, timezone: string): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const instant = new Date(
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  );
  if (Number.isNaN(instant.getTime())) return null;
  const parts = Object.fromEntries(
    formatterFor(timezone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function formatterFor(timezone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timezone);
  if (cached) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = create(timezone);
  } catch {
    // An unknown zone is a settings mistake; the message still goes out, in the default zone.
    formatter = create(FALLBACK_TIMEZONE);
  }
  formatters.set(timezone, formatter);
  return formatter;
}

function create(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}
