import type { Account, Contact } from '../../../shared/domain/crm';

/** Amounts carry no currency in the store, so they are shown as plain grouped numbers. */
const AMOUNT_FORMAT = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export function formatAmount(amount: number | null): string {
  return amount === null ? '—' : AMOUNT_FORMAT.format(amount);
}

/** A YYYY-MM-DD close date in the person's own date format (a calendar day: no time zone shift). */
export function formatCalendarDate(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day || '—';
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** A UTC time as local time: times are stored in UTC and shown where the person is. */
export function formatLocalTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function contactName(contact: Pick<Contact, 'salutation' | 'firstName' | 'lastName'>): string {
  return [contact.firstName, contact.lastName].filter(Boolean).join(' ') || '(no name)';
}

/** Street, postal code and city, region, country: one line, the parts that are known. */
export function addressOf(record: Pick<Account, 'street' | 'city' | 'region' | 'postalCode' | 'country'>): string {
  const town = [record.postalCode, record.city].filter(Boolean).join(' ');
  return [record.street, town, record.region, record.country].filter(Boolean).join(', ');
}
