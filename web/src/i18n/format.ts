/**
 * Numbers, dates, times and durations in the page's language (Intl), one cached formatter per
 * locale and style: run views format a row per run and a badge per step every second.
 */
import { useMemo } from "react";
import { useIntl } from "react-intl";

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** The formatter made by `make`, once per key. */
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as F;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

type Unit = "millisecond" | "second" | "minute" | "hour";

function unit(locale: string, u: Unit, n: number, pad = false): string {
  // English reads best narrow (`3m 05s`); Chinese narrow keeps `ms` in Latin, short says 毫秒.
  const unitDisplay = locale.startsWith("zh") ? "short" : "narrow";
  return numberFormat(locale, {
    style: "unit",
    unit: u,
    unitDisplay,
    minimumIntegerDigits: pad ? 2 : 1,
  }).format(n);
}

/**
 * A duration in the compact form run views use: `850ms`, `12s`, `3m 05s`, `1h 02m` (in zh-CN
 * `850毫秒`, `12秒`, `3分钟05秒`, `1小时02分钟`). Negative or non-finite input (clock skew, missing
 * times) shows as zero seconds.
 */
export function formatDuration(ms: number, locale = "en"): string {
  const gap = locale.startsWith("zh") ? "" : " ";
  if (!Number.isFinite(ms) || ms < 0) return unit(locale, "second", 0);
  if (ms < 1000) return unit(locale, "millisecond", Math.round(ms));
  const totalSec = Math.floor(ms / 1000);
  if (totalSec < 60) return unit(locale, "second", totalSec);
  const h = Math.floor(totalSec / 3600);
  const m = Math.floor((totalSec % 3600) / 60);
  const s = totalSec % 60;
  if (h > 0) return `${unit(locale, "hour", h)}${gap}${unit(locale, "minute", m, true)}`;
  return `${unit(locale, "minute", m)}${gap}${unit(locale, "second", s, true)}`;
}

/** A date and time (ISO text or epoch ms) as the locale writes it; `—` when absent, the text when unreadable. */
function formatDateTime(value: string | number | null | undefined, locale = "en"): string {
  if (value === null || value === undefined || value === "") return "—";
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return dateFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(d);
}

/** A number as the locale writes it (grouping, decimal sign). */
function formatNumber(n: number, locale = "en", options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, options).format(n);
}

export interface Formats {
  duration(ms: number): string;
  dateTime(value: string | number | null | undefined): string;
  number(n: number, options?: Intl.NumberFormatOptions): string;
}

/** The formats of the page's current language. */
export function useFormats(): Formats {
  const { locale } = useIntl();
  return useMemo(
    () => ({
      duration: (ms) => formatDuration(ms, locale),
      dateTime: (value) => formatDateTime(value, locale),
      number: (n, options) => formatNumber(n, locale, options),
    }),
    [locale],
  );
}
