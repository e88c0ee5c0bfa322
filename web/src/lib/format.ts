const money = new Map<string, Intl.NumberFormat>();

/** An amount in minor units (cents) in its currency, e.g. 4900 + "usd" → "$49.00". */
export function formatMoney(minor: number, currency: string): string {
  const code = currency.toUpperCase();
  let format = money.get(code);
  if (format === undefined) {
    format = new Intl.NumberFormat(undefined, { style: "currency", currency: code });
    money.set(code, format);
  }
  return format.format(minor / 100);
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export function formatDateTime(value: string | null | undefined): string {
  return value ? dateTime.format(new Date(value)) : "—";
}

export function formatDate(value: string | null | undefined): string {
  return value ? dateOnly.format(new Date(value)) : "—";
}

/** API names as words: "wait_for_reply" → "Wait for reply", "GrantSubscription" → "Grant subscription". */
export function humanize(value: string): string {
  const words = value
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
