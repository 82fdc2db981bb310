import { describe, expect, it } from 'vitest';
import { domainStem, findEmails, findWebsites, reconcileDomains } from '../../../shared/parsing/web';

describe('findEmails / findWebsites', () => {
  it('repairs @ read as © or (a) and spaces / commas in the domain', () => {
    expect(findEmails('ana©vela.example.com')[0]?.value).toBe('ana@vela.example.com');
    expect(findEmails('ana (a) vela , example.com')[0]?.value).toBe('ana@vela.example.com');
    expect(findEmails('E: ana. ruiz@vela example org')[0]?.value).toBe('ana.ruiz@vela.example.org');
  });
  it('finds bare, www and https websites and skips social profiles', () => {
    expect(findWebsites('Web: vela.example.com')[0]?.value).toBe('vela.example.com');
    expect(findWebsites('hitp://www.vela.example.com/')[0]?.value).toBe('http://www.vela.example.com/');
    expect(findWebsites('linkedin.com/in/ana-ruiz')).toEqual([]);
    expect(findWebsites('1983 Victoria Blvd., Suite 2900')).toEqual([]);
  });
  it('takes the registrable name of a domain', () => {
    expect(domainStem('https://www.vela-studio.example.co.uk/about')).toBe('vela-studio');
  });
  it('reads a www address whose dots the OCR read as spaces', () => {
    expect(findWebsites('w www quorlane example com')[0]?.value).toBe('www.quorlane.example.com');
    expect(findWebsites('www palladio.com br')[0]?.value).toBe('www.palladio.com.br');
    expect(findWebsites('www and more')).toEqual([]);
  });
  it('puts back the dot before the ending of a www address read as a space', () => {
    expect(findWebsites('www.quayside in')[0]?.value).toBe('www.quayside.in');
    expect(findWebsites('www. zaffretechnologies es')[0]?.value).toBe('www.zaffretechnologies.es');
    // an address that has its ending already keeps the next word out
    expect(findWebsites('www.example.com in Berlin')[0]?.value).toBe('www.example.com');
  });
  it('reads a scheme whose t was read as u', () => {
    expect(findWebsites('hups://saltire.sg')[0]?.value).toBe('https://saltire.sg');
  });
  it('puts back the dots before longer and several endings of a www address read as spaces', () => {
    expect(findWebsites('© www. halvorsen-freight example')[0]?.value).toBe('www.halvorsen-freight.example');
    expect(findWebsites('www.ferrovia example com')[0]?.value).toBe('www.ferrovia.example.com');
    expect(findWebsites('www. ferrovia example com.au')[0]?.value).toBe('www.ferrovia.example.com.au');
    // only the words that are endings: the next word stays out, and keeps its place in the text
    const cut = findWebsites('www.acme in Berlin');
    expect(cut.map((w) => [w.value, w.start, w.end])).toEqual([['www.acme.in', 0, 11]]);
  });
  it('keeps the separator the OCR set apart with a space in an e-mail\'s local part', () => {
    expect(findEmails('E-mail martina .rinaldi@terranova.it')[0]?.value).toBe('martina.rinaldi@terranova.it');
    expect(findEmails('E: anna _lee@vela.example.com')[0]?.value).toBe('anna_lee@vela.example.com');
    expect(findEmails('E: mar tin@vela.example.com')[0]?.value).toBe('martin@vela.example.com');
    // at the start of a line too, when the separator was read
    expect(findEmails('zhi .low@saltire.sg')[0]?.value).toBe('zhi.low@saltire.sg');
    expect(findEmails('ail contact@saltire.sg')[0]?.value).toBe('contact@saltire.sg');
  });
  it('reads a capital I among the lower-case letters of an e-mail as an l', () => {
    expect(findEmails('fong@Iarkspur.sg')[0]?.value).toBe('fong@larkspur.sg');
    expect(findEmails('Isilva@vela.example.com')[0]?.value).toBe('lsilva@vela.example.com');
    expect(findEmails('ana@IBM.example.com')[0]?.value).toBe('ana@IBM.example.com');
  });
  it('drops a dot the OCR read after a hyphen inside a domain, and reads wwww. as www.', () => {
    expect(findEmails('setxeberria@ostrava-.studio.example.es')[0]?.value).toBe('setxeberria@ostrava-studio.example.es');
    expect(findWebsites('www.ostrava-. studio.example')[0]?.value).toBe('www.ostrava-studio.example');
    expect(findWebsites('wwww.lunavale-advies.example.nl')[0]?.value).toBe('www.lunavale-advies.example.nl');
  });
  it('closes a space the OCR put after a dot inside a website, never in ordinary words', () => {
    expect(findWebsites('https://duneway. in')[0]?.value).toBe('https://duneway.in');
    expect(findWebsites('o Www.halvorsen. freight. example')[0]?.value).toBe('www.halvorsen.freight.example');
    expect(findWebsites('W | corvina. example')[0]?.value).toBe('corvina.example');
    expect(findWebsites('w. www.elstree.example.com.au')[0]?.value).toBe('www.elstree.example.com.au');
    expect(findWebsites('W. orsini.example')[0]?.value).toBe('orsini.example');
    expect(findWebsites('Pte. Ltd.')).toEqual([]);
    expect(findWebsites('e.g. in Berlin')).toEqual([]);
    expect(findWebsites('Dr. De Vries')).toEqual([]);
  });
  it('reads a website behind an icon read as @, but not an e-mail domain', () => {
    expect(findWebsites('@www.drummond.example.es')[0]?.value).toBe('www.drummond.example.es');
    expect(findWebsites('@ww.merrow.example.com')[0]?.value).toBe('www.merrow.example.com');
    expect(findWebsites('ana@www.vela.example.com')).toEqual([]);
  });
  it('uses the more confident reading where e-mail domain and website differ by an OCR slip', () => {
    const a = reconcileDomains({ value: 'li@tthornvale.example.org', confidence: 0.5 }, { value: 'https://www.thornvale.example.org', confidence: 0.9 });
    expect(a).toEqual({ email: 'li@thornvale.example.org', site: 'https://www.thornvale.example.org' });
    const b = reconcileDomains({ value: 'li@thornvale.example.org', confidence: 0.9 }, { value: 'www.thornvaIe.example.org/', confidence: 0.4 });
    expect(b.site).toBe('www.thornvale.example.org/');
    const other = reconcileDomains({ value: 'li@mail-host.example.net', confidence: 0.5 }, { value: 'www.thornvale.example.org', confidence: 0.9 });
    expect(other.email).toBe('li@mail-host.example.net');
  });
  it('takes the reading of the domain another line of the card spells over the surer one', () => {
    const email = { value: 'cooper@bexiey.example', confidence: 0.9 };
    const site = { value: 'https://www.bexley.example', confidence: 0.5 };
    expect(reconcileDomains(email, site, ['Bexley Dental'])).toEqual({ email: 'cooper@bexley.example', site: 'https://www.bexley.example' });
    // no line spells either: the surer reading, as before
    expect(reconcileDomains(email, site, ['Research & Development']).site).toBe('https://www.bexiey.example');
    // the e-mail's reading spelled by the company line wins though it is the less sure one
    const hyphened = reconcileDomains({ value: 'tricci@varnholt-marine.example', confidence: 0.4 }, { value: 'www.vamholt-marine.example', confidence: 0.9 }, ['VARNHOLT MARINE S.R.L']);
    expect(hyphened.site).toBe('www.varnholt-marine.example');
  });
  it('gives both addresses the endings one of them lost at the end of its line', () => {
    const lost = reconcileDomains({ value: 'ana@ostrava-studio.example.es', confidence: 0.8 }, { value: 'www.ostrava-studio.example', confidence: 0.9 });
    expect(lost).toEqual({ email: 'ana@ostrava-studio.example.es', site: 'www.ostrava-studio.example.es' });
    const lostInEmail = reconcileDomains({ value: 'ana@elstree.example', confidence: 0.9 }, { value: 'https://www.elstree.example.com.br/', confidence: 0.5 });
    expect(lostInEmail.email).toBe('ana@elstree.example.com.br');
    // more labels that are no domain endings are another host, not a lost word
    const other = reconcileDomains({ value: 'ana@ostrava.example', confidence: 0.8 }, { value: 'www.ostrava.example.shop-online', confidence: 0.9 });
    expect(other.email).toBe('ana@ostrava.example');
  });
});
