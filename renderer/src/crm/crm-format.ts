import type { Account, Contact } from '../../../shared/domain/crm';

export function contactName(contact: Pick<Contact, 'salutation' | 'firstName' | 'lastName'>): string {
  return [contact.firstName, contact.lastName].filter(Boolean).join(' ') || '(no name)';
}

/** Street, postal code and city, region, country: one line, the parts that are known. */
export function addressOf(record: Pick<Account, 'street' | 'city' | 'region' | 'postalCode' | 'country'>): string {
  const town = [record.postalCode, record.city].filter(Boolean).join(' ');
  return [record.street, town, record.region, record.country].filter(Boolean).join(', ');
}
