import { describe, expect, it } from 'vitest';
import { domainStem, findEmails, findWebsites } from '../../../shared/parsing/web';

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
});
