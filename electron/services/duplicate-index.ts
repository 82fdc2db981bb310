/**
 * Likely duplicates among many leads at once (an import): an index of the leads' match
 * profiles by the shared rule's blocking keys (shared/domain/duplicates.ts), made once, and
 * looked up lead by lead. Plain computation on plain values, so an import can run it on a
 * thread of its own (import-duplicates-worker.ts) while it writes the rows.
 */
import { blockingKeys, compareProfiles, matchProfile, nameVariants, ProfileCache, type DuplicateReason, type DuplicateSubject, type MatchProfile } from '../../shared/domain/duplicates';

/** A lead in the duplicate index: its match profile, made once, and the last look-up that met it. */
interface IndexedProfile {
  profile: MatchProfile;
  seenBy: number;
}

/**
 * The leads filed under one company, phone or domain key. Most keys hold a few leads (a
 * person's own number, a small company's domain): a look-up compares them all. A key that
 * grows large (a big company) is also split by last name, so a look-up compares only the
 * people named like the new lead.
 */
interface KeyBucket {
  entries: IndexedProfile[];
  /** by folded last name; made once the bucket holds more than LARGE_KEY_BUCKET */
  byLastName?: Map<string, IndexedProfile[]>;
}

/** Above this many leads under one key, a look-up goes through the names instead of comparing them all. */
const LARGE_KEY_BUCKET = 16;

/**
 * The distinct last names of the index, and for a name looked up, the last names that may be
 * one typo from it: those sharing one of its variants (nameVariants). Names repeat far more
 * than rows do, so the variants are worked out once per distinct name, not per row and key.
 * A name's neighbours are kept current as new last names arrive.
 */
class LastNameNeighbours {
  /** variant → the filed last names having it */
  private readonly namesByVariant = new Map<string, string[]>();
  /** variant → the looked-up names having it (their neighbours are kept below) */
  private readonly lookedUpByVariant = new Map<string, string[]>();
  private readonly neighbours = new Map<string, Set<string>>();
  private readonly filed = new Set<string>();

  file(lastName: string): void {
    if (this.filed.has(lastName)) return;
    this.filed.add(lastName);
    for (const variant of nameVariants(lastName)) {
      pushName(this.namesByVariant, variant, lastName);
      for (const lookedUp of this.lookedUpByVariant.get(variant) ?? []) this.neighbours.get(lookedUp)?.add(lastName);
    }
  }

  /** The filed last names that share a variant with `name` (a superset of those the rule calls similar). */
  of(name: string): ReadonlySet<string> {
    let found = this.neighbours.get(name);
    if (!found) {
      found = new Set();
      for (const variant of nameVariants(name)) {
        pushName(this.lookedUpByVariant, variant, name);
        for (const lastName of this.namesByVariant.get(variant) ?? []) found.add(lastName);
      }
      this.neighbours.set(name, found);
    }
    return found;
  }
}

function pushName(map: Map<string, string[]>, key: string, name: string): void {
  const list = map.get(key);
  if (list) list.push(name);
  else map.set(key, [name]);
}

/**
 * Likely duplicates among the leads already here, found by the shared rule through its blocking
 * keys. Each lead's match profile (phone numbers parsed, email and names folded) is made once
 * when it is added, not again for every look-up whose keys meet it.
 *
 * A company, phone or domain key only counts with matching names (one typo allowed, first and
 * last possibly swapped), so a large key's leads are also filed by last name: a look-up meets
 * those whose last name is one typo from the new lead's last name or (swapped) its first
 * name — and not the thousand other people of a big company in the same file. A lead met
 * under a key whose names do not match is only a duplicate by its email, which the email key
 * finds as well: however the candidates are narrowed, the matches are the same.
 */
export class DuplicateIndex {
  private readonly byEmail = new Map<string, IndexedProfile[]>();
  private readonly byKey = new Map<string, KeyBucket>();
  private readonly cache = new ProfileCache();
  private readonly lastNames = new LastNameNeighbours();
  private lookups = 0;

  /** An index of `subjects` (the leads already here, listDuplicateSubjects). */
  static of(subjects: readonly DuplicateSubject[]): DuplicateIndex {
    const index = new DuplicateIndex();
    for (const subject of subjects) index.add(index.profileOf(subject));
    return index;
  }

  profileOf(lead: DuplicateSubject): MatchProfile {
    return matchProfile(lead, this.cache);
  }

  /** `keys`: the profile's blockingKeys, when the caller has them already. */
  add(profile: MatchProfile, keys: readonly string[] = blockingKeys(profile)): void {
    const entry: IndexedProfile = { profile, seenBy: 0 };
    for (const key of keys) {
      if (isEmailKey(key)) {
        pushTo(this.byEmail, key, entry);
        continue;
      }
      let bucket = this.byKey.get(key);
      if (!bucket) this.byKey.set(key, (bucket = { entries: [] }));
      bucket.entries.push(entry);
      if (bucket.byLastName) this.fileByLastName(bucket.byLastName, entry);
      else if (bucket.entries.length > LARGE_KEY_BUCKET) {
        const byLastName = new Map<string, IndexedProfile[]>();
        for (const filed of bucket.entries) this.fileByLastName(byLastName, filed);
        bucket.byLastName = byLastName;
      }
    }
  }

  /** Nothing here to look like: no lead before the import gave a blocking key. */
  get isEmpty(): boolean {
    return this.byEmail.size === 0 && this.byKey.size === 0;
  }

  /** `keys`: the profile's blockingKeys, when the caller has them already. */
  matches(profile: MatchProfile, keys: readonly string[] = blockingKeys(profile)): { id: string; reasons: DuplicateReason[] }[] {
    if (this.isEmpty) return [];
    // A candidate met under several keys is compared once: marked with this look-up's number.
    const lookup = ++this.lookups;
    const found: { id: string; reasons: DuplicateReason[] }[] = [];
    let lastNames: ReadonlySet<string> | undefined;
    let firstNames: ReadonlySet<string> | undefined;
    for (const key of keys) {
      if (isEmailKey(key)) {
        compareCandidates(profile, this.byEmail.get(key), lookup, found);
        continue;
      }
      const bucket = this.byKey.get(key);
      if (!bucket) continue;
      const { byLastName } = bucket;
      if (!byLastName) {
        compareCandidates(profile, bucket.entries, lookup, found);
        continue;
      }
      // The other lead's last name is like this one's last name, or (swapped) its first name.
      lastNames ??= this.lastNames.of(profile.lastName);
      firstNames ??= this.lastNames.of(profile.firstName);
      for (const lastName of lastNames) compareCandidates(profile, byLastName.get(lastName), lookup, found);
      for (const lastName of firstNames) compareCandidates(profile, byLastName.get(lastName), lookup, found);
    }
    return found;
  }

  private fileByLastName(byLastName: Map<string, IndexedProfile[]>, entry: IndexedProfile): void {
    this.lastNames.file(entry.profile.lastName);
    pushTo(byLastName, entry.profile.lastName, entry);
  }
}

/** Compares the candidates not met yet in this look-up (marked with its number), adding the matches to `found`. */
function compareCandidates(profile: MatchProfile, candidates: readonly IndexedProfile[] | undefined, lookup: number, found: { id: string; reasons: DuplicateReason[] }[]): void {
  if (!candidates) return;
  for (const candidate of candidates) {
    if (candidate.seenBy === lookup || candidate.profile.id === profile.id) continue;
    candidate.seenBy = lookup;
    const reasons = compareProfiles(profile, candidate.profile);
    if (reasons.length > 0) found.push({ id: candidate.profile.id, reasons });
  }
}

/**
 * The email key stands on its own; the others need matching names. A profile's keys come from
 * blockingKeys, whose only key of this kind is its email's (and only when it has one).
 */
function isEmailKey(key: string): boolean {
  return key.startsWith('email:');
}

function pushTo<K>(map: Map<K, IndexedProfile[]>, key: K, entry: IndexedProfile): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}


/** A likely duplicate an import found: the new lead, the other lead (here before, or added before it), and why. */
export interface FoundDuplicate {
  leadId: string;
  otherLeadId: string;
  reasons: DuplicateReason[];
}

const SUBJECT_FIELDS = ['id', 'firstName', 'lastName', 'company', 'email', 'phone', 'mobile', 'country', 'badgeId'] as const;

/**
 * Many leads as the duplicate rule sees them, one array per field (the badge id '' where a lead
 * has none). An import hands its leads to the worker this way: V8's serializer took several
 * times as long for an object per lead as for a few arrays of strings.
 */
export type SubjectColumns = Record<(typeof SUBJECT_FIELDS)[number], string[]>;

export function subjectColumns(): SubjectColumns {
  return { id: [], firstName: [], lastName: [], company: [], email: [], phone: [], mobile: [], country: [], badgeId: [] };
}

/** Adds the lead `id` with its compared fields (`lead`: a DuplicateSubject or a lead's contact fields). */
export function addSubject(columns: SubjectColumns, id: string, lead: Omit<DuplicateSubject, 'id' | 'badgeId'>, badgeId = ''): void {
  columns.id.push(id);
  columns.firstName.push(lead.firstName);
  columns.lastName.push(lead.lastName);
  columns.company.push(lead.company);
  columns.email.push(lead.email);
  columns.phone.push(lead.phone);
  columns.mobile.push(lead.mobile);
  columns.country.push(lead.country);
  columns.badgeId.push(badgeId);
}

function subjectAt(columns: SubjectColumns, index: number): DuplicateSubject {
  const at = (field: (typeof SUBJECT_FIELDS)[number]) => columns[field][index] ?? '';
  return {
    id: at('id'),
    firstName: at('firstName'),
    lastName: at('lastName'),
    company: at('company'),
    email: at('email'),
    phone: at('phone'),
    mobile: at('mobile'),
    country: at('country'),
    badgeId: at('badgeId'),
  };
}

/**
 * What an import flags: each of `added`, in the order the import adds them, against the leads
 * here before (`existing`) and the ones it added before it — never merged, only found.
 */
export function importDuplicates(existing: SubjectColumns, added: SubjectColumns): FoundDuplicate[] {
  const index = new DuplicateIndex();
  for (let position = 0; position < existing.id.length; position++) index.add(index.profileOf(subjectAt(existing, position)));
  const found: FoundDuplicate[] = [];
  for (let position = 0; position < added.id.length; position++) {
    const profile = index.profileOf(subjectAt(added, position));
    const keys = blockingKeys(profile);
    for (const match of index.matches(profile, keys)) found.push({ leadId: profile.id, otherLeadId: match.id, reasons: match.reasons });
    // Only what the duplicate rule reads is kept for the leads after this one.
    index.add(profile, keys);
  }
  return found;
}
